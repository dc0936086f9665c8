import { useId } from 'react';
import type { Leak, StripVerification } from '../../../../core/compare/types';
import { count } from '../../lib/format';
import { MarkBadge, Size } from './values';

const METHOD: Record<StripVerification['method'], string> = {
  strip: 'the same link with sections removed afterwards (strip)',
  linker: 'a separate link with -s / -w given to the linker',
  unknown: 'the contents differ and no -s / -w setting explains it',
};

function LeakItem({ leak }: { leak: Leak }) {
  return (
    <li className="leak">
      <strong>{leak.what}</strong>
      <code className="leak-evidence">{leak.evidence}</code>
      <span className="leak-flag">
        {leak.flag ? (
          <>
            Removed by <code>{leak.flag}</code>
          </>
        ) : (
          'No build flag removes it'
        )}
      </span>
      <span className="muted">{leak.remedy}</span>
    </li>
  );
}

/** One file is a stripped copy of the other: what went, what it saved, and what still gives the build away. */
export function StripPanel({ strip, names }: { strip: StripVerification; names: { a: string; b: string } }) {
  const id = useId();
  const [stripped, original] = strip.stripped === 'b' ? [names.b, names.a] : [names.a, names.b];
  return (
    <section className="compare-panel strip-panel" aria-labelledby={id}>
      <h2 id={id}>Strip verification</h2>
      <p>
        <strong>{stripped}</strong> is a stripped copy of <strong>{original}</strong>: {METHOD[strip.method]}.{' '}
        {strip.codeIdentical
          ? 'The code and data it runs with are the same bytes.'
          : 'The code and data it runs with differ.'}
      </p>
      <dl className="facts">
        <dt>Sections removed</dt>
        <dd>
          {count(strip.removedSections.length)}, freeing <Size bytes={strip.bytesFreed} />
        </dd>
        <dt>Symbols</dt>
        <dd>
          {count(strip.symbolsBefore)} → {count(strip.symbolsAfter)}
        </dd>
      </dl>
      <h3>Removed sections</h3>
      <ul className="removed-sections" aria-label="Removed sections">
        {strip.removedSections.map((s) => (
          <li key={s.name}>
            <MarkBadge mark="removed" /> <code>{s.name}</code> <Size bytes={s.size} />
          </li>
        ))}
      </ul>
      {strip.differences.length > 0 && (
        <>
          <h3>Other differences</h3>
          <ul>
            {strip.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
      {strip.stillLeaks.length > 0 && (
        <>
          <h3>Still leaks</h3>
          <ul className="leaks" aria-label="Still leaks">
            {strip.stillLeaks.map((leak) => (
              <LeakItem key={leak.what} leak={leak} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
