import { useId } from 'react';
import type { CodeComparison, SectionContentComparison, StripVerification } from '../../../../core/compare/types';
import { Copyable } from '../../components/Copyable';
import { count, hexOffset, humanSize } from '../../lib/format';
import { Size } from './values';

function rangeText(section: SectionContentComparison): string {
  const run = section.firstDifference;
  if (!run) return section.name;
  const end = run.length > 1 ? `–${hexOffset(run.offset + run.length - 1)}` : '';
  return `${section.name}+${hexOffset(run.offset)}${end}`;
}

const TONE_CLASS: Record<string, string> = { identical: 'tone-good', differs: 'tone-warn', unknown: 'tone-neutral' };

function headline(code: CodeComparison): { tone: string; icon: string; title: string; text: string } {
  const compared = code.sections.map((s) => s.name).join(', ');
  if (code.identical === null)
    return {
      tone: 'unknown',
      icon: '?',
      title: 'Code not compared',
      text: code.reason ?? 'Nothing could be compared.',
    };
  if (code.identical)
    return {
      tone: 'identical',
      icon: '✓',
      title: 'Code identical',
      text: `Same contents (SHA-256) in A and B: ${compared}.`,
    };
  const differing = code.sections.filter((s) => !s.identical);
  const first = differing[0];
  return {
    tone: 'differs',
    icon: '≠',
    title: 'Code differs',
    text: `${count(code.differingBytes)} bytes differ in ${differing.length} of ${code.sections.length} compared sections${first ? `, first at ${rangeText(first)}` : ''}.`,
  };
}

/** Where the first run of differing bytes is: the section and offset range, then the file offsets on each side. */
function Difference({ section }: { section: SectionContentComparison }) {
  const run = section.firstDifference;
  if (section.identical)
    return (
      <span className="mark mark-same">
        <span aria-hidden="true">=</span> identical
      </span>
    );
  return (
    <>
      <span className="mark mark-changed">
        <span aria-hidden="true">≠</span> {count(section.differingBytes)} bytes differ
      </span>
      {run && (
        <span className="difference-at">
          first at <Copyable value={rangeText(section)} label="offset range" /> (file{' '}
          <Copyable value={hexOffset(run.fileOffsetA)} label="file offset in A" /> in A,{' '}
          <Copyable value={hexOffset(run.fileOffsetB)} label="file offset in B" /> in B)
        </span>
      )}
    </>
  );
}

function stripLine(strip: StripVerification, names: { a: string; b: string }): string {
  const [stripped, original] = strip.stripped === 'b' ? [names.b, names.a] : [names.a, names.b];
  return `${stripped} is a stripped copy of ${original}: ${count(strip.removedSections.length)} sections removed (${humanSize(strip.bytesFreed)} freed), symbols ${count(strip.symbolsBefore)} → ${count(strip.symbolsAfter)}.`;
}

/** The prominent answer: is the code that runs the same bytes, and is one file a stripped copy of the other? */
export function CodeVerdict({
  code,
  strip,
  names,
}: {
  code: CodeComparison;
  strip?: StripVerification;
  names: { a: string; b: string };
}) {
  const id = useId();
  const { tone, icon, title, text } = headline(code);
  return (
    <section className={`verdict-banner code-verdict ${TONE_CLASS[tone]}`} aria-labelledby={id}>
      <h2 id={id}>
        <span aria-hidden="true" className="verdict-icon">
          {icon}
        </span>{' '}
        {title}
      </h2>
      <p>{text}</p>
      {strip && <p className="strip-line">{stripLine(strip, names)}</p>}
    </section>
  );
}

function SectionTable({ sections }: { sections: SectionContentComparison[] }) {
  return (
    <table className="diff compared" aria-label="Compared sections">
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col" className="num">
            Size A
          </th>
          <th scope="col" className="num">
            Size B
          </th>
          <th scope="col">Contents</th>
          <th scope="col">SHA-256</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((s) => (
          <tr key={s.name} className={s.identical ? 'row-same' : 'row-changed'}>
            <th scope="row">
              <code>{s.name}</code>
            </th>
            <td className="num">
              <Size bytes={s.sizeA} />
            </td>
            <td className="num">
              <Size bytes={s.sizeB} />
            </td>
            <td>
              <Difference section={s} />
            </td>
            <td>
              <div className="hashes">
                <span>
                  A <Copyable value={s.sha256A} label={`SHA-256 of ${s.name} in A`} />
                </span>
                <span>
                  B <Copyable value={s.sha256B} label={`SHA-256 of ${s.name} in B`} />
                </span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The evidence for the verdict: each loaded section compared by its contents, both SHA-256 copyable. */
export function ComparedSections({ code }: { code: CodeComparison }) {
  const id = useId();
  if (code.sections.length === 0) return null;
  return (
    <section className="compare-panel" aria-labelledby={id}>
      <h2 id={id}>Sections compared by contents</h2>
      <SectionTable sections={code.sections} />
    </section>
  );
}
