import { useMemo, useState } from 'react';
import type { Evidence, Finding, Report, Severity } from '../../../../core/report/types';
import { SEVERITIES } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { count, hexOffset } from '../../lib/format';
import { MaskedText } from '../../components/Reveal';
import { useShowBytes } from '../hex/HexView';

export interface EvidenceTarget {
  tab: 'strings' | 'sections';
  query: string;
}

const SEVERITY_MARK: Record<Severity, string> = { critical: '‼', high: '!', medium: '▲', low: '•', info: 'i' };

/** Where a finding's evidence value sits among the analysis's masked texts ("report/findings/2/evidence/0/value"). */
function evidencePath(findingIndex: number, evidenceIndex: number): string {
  return `report/findings/${findingIndex}/evidence/${evidenceIndex}/value`;
}

function EvidenceRow({
  evidence,
  path,
  onJump,
}: {
  evidence: Evidence;
  path: string;
  onJump: (t: EvidenceTarget) => void;
}) {
  const showBytes = useShowBytes();
  const offset = evidence.offset;
  return (
    <li className="evidence">
      <MaskedText text={evidence.value} path={path} label="evidence" />
      {evidence.context && <span className="muted"> — {evidence.context}</span>}
      <span className="evidence-where">
        {evidence.section && (
          <button type="button" className="link" onClick={() => onJump({ tab: 'sections', query: evidence.section! })}>
            {evidence.section}
          </button>
        )}
        {offset !== null && (
          <button
            type="button"
            className="link"
            onClick={() => onJump({ tab: 'strings', query: `@${hexOffset(offset)}` })}
          >
            {hexOffset(offset)}
          </button>
        )}
        {offset !== null && (
          <button
            type="button"
            className="link"
            aria-label={`Show the bytes at ${hexOffset(offset)}`}
            onClick={() =>
              showBytes({
                offset,
                length: new TextEncoder().encode(evidence.value).length,
                label: evidence.context ?? 'evidence',
              })
            }
          >
            bytes
          </button>
        )}
      </span>
    </li>
  );
}

function FindingItem({
  finding,
  index,
  onJump,
}: {
  finding: Finding;
  index: number;
  onJump: (t: EvidenceTarget) => void;
}) {
  const first = finding.evidence[0];
  return (
    <li className={`finding sev-${finding.severity}`}>
      <details>
        <summary>
          <span className="sev-badge">
            <span aria-hidden="true">{SEVERITY_MARK[finding.severity]}</span> {finding.severity}
          </span>
          <span className="finding-title">{finding.title}</span>
          {first && (
            <span className="finding-value mono" title="The first evidence (secrets stay masked)">
              {first.value}
            </span>
          )}
          <span className="muted mono">{finding.id}</span>
          <span className="muted">{count(finding.evidence.length)} evidence</span>
        </summary>
        <p>{finding.description}</p>
        <ul className="evidence-list">
          {finding.evidence.slice(0, 200).map((e, i) => (
            <EvidenceRow key={i} evidence={e} path={evidencePath(index, i)} onJump={onJump} />
          ))}
        </ul>
        <p className="remediation">
          <strong>Fix:</strong> {finding.remediation} <Copyable value={finding.id} label="finding id" />
        </p>
      </details>
    </li>
  );
}

/** Whether a finding mentions the text: its title, id, description, remediation or any evidence (as shown, masked). */
export function findingMatches(finding: Finding, needle: string): boolean {
  if (!needle) return true;
  const texts = [finding.title, finding.id, finding.description, finding.remediation];
  for (const e of finding.evidence) texts.push(e.value, e.context ?? '', e.section ?? '');
  return texts.some((t) => t.toLowerCase().includes(needle));
}

/**
 * Findings by severity, kind and text; each opens to its evidence, which jumps to the Strings or Sections view or
 * shows its bytes.
 */
export function FindingsView({ report, onJump }: { report: Report; onJump: (t: EvidenceTarget) => void }) {
  const [severities, setSeverities] = useState<Set<Severity>>(new Set(SEVERITIES));
  const [kind, setKind] = useState('');
  const [query, setQuery] = useState('');
  const kinds = useMemo(() => [...new Set(report.findings.map((f) => f.kind))].sort(), [report.findings]);
  const needle = query.trim().toLowerCase();
  const shown = report.findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding: f }) => severities.has(f.severity) && (!kind || f.kind === kind) && findingMatches(f, needle));
  const toggle = (s: Severity): void =>
    setSeverities((current) => {
      const next = new Set(current);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  if (report.findings.length === 0) return <p className="empty-note">No findings.</p>;
  return (
    <div className="findings">
      <div className="vtable-toolbar" role="group" aria-label="Filter findings">
        <input
          type="search"
          aria-label="Filter findings"
          placeholder="Filter findings…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {SEVERITIES.map((s) => (
          <label key={s} className={`chip sev-${s}`}>
            <input type="checkbox" checked={severities.has(s)} onChange={() => toggle(s)} /> {s} (
            {count(report.findings.filter((f) => f.severity === s).length)})
          </label>
        ))}
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">all</option>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <span className="vtable-count" aria-live="polite">
          {count(shown.length)} of {count(report.findings.length)}
        </span>
      </div>
      <ul className="finding-list">
        {shown.map(({ finding, index }) => (
          <FindingItem key={`${finding.id}-${index}`} finding={finding} index={index} onJump={onJump} />
        ))}
      </ul>
    </div>
  );
}
