import { createContext, useContext, useId, type ReactNode } from 'react';
import { count } from '../../lib/format';
import { Disclosure } from './Disclosure';
import { MarkBadge, type Mark, type Tone } from './values';

/** One thing on both sides: its name, its value in A and in B, and how it changed. */
export interface DiffRow {
  key: string;
  label: ReactNode;
  a: ReactNode;
  b: ReactNode;
  mark: Mark;
  /** Another word for the mark ("new", "fixed", "version changed"). */
  markWord?: string;
  /** Good or bad news, where the mark alone does not tell (a fixed finding, a verdict that now passes). */
  tone?: Tone;
}

/** The changed rows of a part, and the ones that are the same on both sides. */
export interface DiffRows {
  changed: DiffRow[];
  unchanged: DiffRow[];
}

/** The two file names, for the column headers. */
export const SideNames = createContext<{ a: string; b: string }>({ a: '', b: '' });

function RowsTable({ label, what, rows }: { label: string; what: string; rows: DiffRow[] }) {
  const names = useContext(SideNames);
  return (
    <table className="diff" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="diff-change">
            Change
          </th>
          <th scope="col" className="diff-what">
            {what}
          </th>
          <th scope="col" title={names.a}>
            A · {names.a}
          </th>
          <th scope="col" title={names.b}>
            B · {names.b}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={`row-${row.mark}`}>
            <td>
              <MarkBadge mark={row.mark} word={row.markWord} tone={row.tone} />
            </td>
            <th scope="row">{row.label}</th>
            <td>{row.a}</td>
            <td>{row.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "2 added · 1 changed", counted from the rows' marks. */
export function tally(rows: DiffRow[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.markWord ?? row.mark, (counts.get(row.markWord ?? row.mark) ?? 0) + 1);
  return [...counts].map(([word, n]) => `${count(n)} ${word}`).join(' · ') || 'no changes';
}

interface GroupProps {
  title: string;
  /** Header of the name column ("Setting", "Module"). */
  what: string;
  rows: DiffRows;
  children?: ReactNode;
}

/** One part of the comparison: the changed rows side by side, the unchanged ones folded into "N unchanged". */
export function DiffGroup({ title, what, rows, children }: GroupProps) {
  const id = useId();
  const { changed, unchanged } = rows;
  return (
    <section className="diff-group" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="diff-tally">{tally(changed)}</span>
      </h3>
      {changed.length > 0 && <RowsTable label={`${title}: changes`} what={what} rows={changed} />}
      {children}
      {unchanged.length > 0 && (
        <Disclosure className="unchanged" summary={`${count(unchanged.length)} unchanged`}>
          {() => <RowsTable label={`${title}: unchanged`} what={what} rows={unchanged} />}
        </Disclosure>
      )}
    </section>
  );
}
