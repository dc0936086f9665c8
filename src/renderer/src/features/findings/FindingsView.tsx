import { useMemo, useState } from 'react';
import type { Evidence, Finding, FoundString, Report, Severity } from '../../../../core/report/types';
import { SEVERITIES } from '../../../../core/report/types';
import { Copyable } from '../../components/Copyable';
import { hexOffset } from '../../lib/format';

export interface EvidenceTarget {
  tab: 'strings' | 'sections';
  query: string;
}

const SEVERITY_MARK: Record<Severity, string> = { critical: '‼', high: '!', medium: '▲', low: '•', info: 'i' };

function clearValueAt(strings: FoundString[], offset: number | null): string | null {
  if (offset === null) return null;
  const hit = strings.find((s) => offset >= s.offset && offset < s.offset + Math.max(1, s.length));
  return hit ? hit.value : null;
}

function EvidenceRow({
  evidence,
  secret,
  strings,
  onJump,
}: {
  evidence: Evidence;
  secret: boolean;
  strings: FoundString[];
  onJump: (t: EvidenceTarget) => void;
}) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const offset = evidence.offset;
  return (
    <li className="evidence">
      <span className="mono">{revealed ?? evidence.value}</span>
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
        {secret && offset !== null && (
          <button
            type="button"
            className="link"
            onClick={() => setRevealed(revealed ? null : (clearValueAt(strings, offset) ?? '(not found in strings)'))}
          >
            {revealed ? 'Hide' : 'Reveal'}
          </button>
        )}
      </span>
    </li>
  );
}

function FindingItem({
  finding,
  strings,
  onJump,
}: {
  finding: Finding;
  strings: FoundString[];
  onJump: (t: EvidenceTarget) => void;
}) {
  return (
    <li className={`finding sev-${finding.severity}`}>
      <details>
        <summary>
          <span className="sev-badge">
            <span aria-hidden="true">{SEVERITY_MARK[finding.severity]}</span> {finding.severity}
          </span>
          <span className="finding-title">{finding.title}</span>
          <span className="muted mono">{finding.id}</span>
          <span className="muted">{finding.evidence.length} evidence</span>
        </summary>
        <p>{finding.description}</p>
        <ul className="evidence-list">
          {finding.evidence.slice(0, 200).map((e, i) => (
            <EvidenceRow key={i} evidence={e} secret={finding.kind === 'secret'} strings={strings} onJump={onJump} />
          ))}
        </ul>
        <p className="remediation">
          <strong>Fix:</strong> {finding.remediation} <Copyable value={finding.id} label="finding id" />
        </p>
      </details>
    </li>
  );
}

/** Findings by severity and kind; each opens to its evidence, which jumps to the Strings or Sections view. */
export function FindingsView({
  report,
  strings,
  onJump,
}: {
  report: Report;
  strings: FoundString[];
  onJump: (t: EvidenceTarget) => void;
}) {
  const [severities, setSeverities] = useState<Set<Severity>>(new Set(SEVERITIES));
  const [kind, setKind] = useState('');
  const kinds = useMemo(() => [...new Set(report.findings.map((f) => f.kind))].sort(), [report.findings]);
  const shown = report.findings.filter((f) => severities.has(f.severity) && (!kind || f.kind === kind));
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
        {SEVERITIES.map((s) => (
          <label key={s} className={`chip sev-${s}`}>
            <input type="checkbox" checked={severities.has(s)} onChange={() => toggle(s)} /> {s} (
            {report.findings.filter((f) => f.severity === s).length})
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
        <span className="vtable-count">
          {shown.length} of {report.findings.length}
        </span>
      </div>
      <ul className="finding-list">
        {shown.map((f, i) => (
          <FindingItem key={`${f.id}-${i}`} finding={f} strings={strings} onJump={onJump} />
        ))}
      </ul>
    </div>
  );
}
