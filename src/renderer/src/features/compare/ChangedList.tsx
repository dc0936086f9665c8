import { useId } from 'react';
import type { CappedList } from '../../../../core/compare/types';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { count } from '../../lib/format';
import { Disclosure } from './Disclosure';
import { MarkBadge } from './values';

interface Entry {
  mark: 'added' | 'removed';
  value: string;
}

const columns: Column<Entry>[] = [
  { key: 'mark', header: 'Change', value: (e) => e.mark, render: (e) => <MarkBadge mark={e.mark} />, width: '110px' },
  { key: 'value', header: 'Value', value: (e) => e.value, width: 'minmax(200px, 1fr)' },
];

function cutNote(list: CappedList<string>, word: string): string | null {
  return list.truncated ? `the first ${count(list.items.length)} of ${count(list.count)} ${word}` : null;
}

/** Functions or strings in one file only: counted in the heading, listed in a table only when asked for. */
export function ChangedList({
  title,
  noun,
  added,
  removed,
  counted,
}: {
  title: string;
  noun: string;
  added: CappedList<string>;
  removed: CappedList<string>;
  /** What else is counted, said beside the tally so no number stands unexplained. */
  counted?: string;
}) {
  const id = useId();
  const entries = (): Entry[] => [
    ...added.items.map((value) => ({ mark: 'added' as const, value })),
    ...removed.items.map((value) => ({ mark: 'removed' as const, value })),
  ];
  const cuts = [cutNote(added, 'added'), cutNote(removed, 'removed')].filter(Boolean);
  return (
    <section className="diff-group" aria-labelledby={id}>
      <h3 id={id}>
        {title}{' '}
        <span className="diff-tally">
          {count(added.count)} added · {count(removed.count)} removed{counted ? ` · ${counted}` : ''}
        </span>
      </h3>
      {added.count + removed.count === 0 ? (
        <p className="empty-note">No {noun} were added or removed.</p>
      ) : (
        <Disclosure summary={`Show the ${noun} in one file only`}>
          {() => (
            <div className="long-list">
              {cuts.length > 0 && (
                <p className="muted">The comparison keeps {cuts.join(' and ')}; the counts are complete.</p>
              )}
              <VirtualTable
                label={`${title} added or removed`}
                rows={entries()}
                columns={columns}
                rowKey={(e, i) => `${e.mark}${i}`}
              />
            </div>
          )}
        </Disclosure>
      )}
    </section>
  );
}
