import { hex } from '../../io/reader';
import type { Finding, Report } from '../types';
import { SEVERITIES } from '../types';
import type { Block, Part, Table } from './model';
import { SEVERITY_MARK, formatCount, toneText } from './model';
import { shownEvidence } from './redact';
import { bySeverity } from './verdict';

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Section, hex offset, the (masked) value and where it was seen, one row per piece of evidence. */
export function evidenceTable(finding: Finding): Table | null {
  if (finding.evidence.length === 0) return null;
  return {
    headers: ['Section', 'Offset', 'Value', 'Seen as'],
    rows: finding.evidence.map((e) => [
      e.section ?? '—',
      e.offset === null ? '—' : hex(e.offset),
      shownEvidence(finding, e),
      e.context ?? '',
    ]),
    mono: [1, 2],
    layout: 'evidence',
  };
}

function glanceTable(findings: Finding[]): Table {
  return {
    headers: ['#', 'Severity', 'Finding', 'Rule', 'Evidence'],
    rows: findings.map((f, i) => [
      String(i + 1),
      { text: toneText(f.severity), tone: f.severity },
      f.title,
      f.id,
      String(f.evidence.length),
    ]),
    numeric: [0, 4],
    mono: [3],
  };
}

/** Every finding, most severe first: a table to take in at a glance, then each one with evidence and remedy. */
export function findingsPart(report: Report): Part {
  const findings = bySeverity(report.findings);
  if (findings.length === 0) {
    return {
      id: 'findings',
      title: 'Findings',
      blocks: [{ type: 'text', text: 'No findings: no rule matched this file.' }],
    };
  }
  const blocks: Block[] = [{ type: 'table', table: glanceTable(findings) }];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    blocks.push({
      type: 'heading',
      text: `${SEVERITY_MARK[severity]} ${capitalized(severity)} (${group.length})`,
      tone: severity,
    });
    blocks.push(...group.map((finding): Block => ({ type: 'finding', finding, evidence: evidenceTable(finding) })));
  }
  return { id: 'findings', title: 'Findings', blocks };
}

/** Residue: what stripping would remove, and how many bytes it costs. */
export function residuePart(report: Report): Part {
  const residue = report.findings.filter((f) => f.kind === 'residue');
  const verdicts = report.verdicts.filter((v) => v.group === 'residue');
  const blocks: Block[] = [];
  if (residue.length === 0)
    blocks.push({ type: 'text', text: 'No residue found: no symbol table, debug information or build IDs.' });
  else {
    const total = residue.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
    blocks.push({
      type: 'table',
      table: {
        headers: ['Residue', 'Severity', 'Bytes', 'Remedy'],
        rows: [
          ...residue.map((f) => [
            f.title,
            { text: toneText(f.severity), tone: f.severity },
            formatCount(f.bytes ?? 0),
            f.remediation,
          ]),
          ['Total', '', formatCount(total), ''],
        ],
        numeric: [2],
      },
    });
  }
  if (verdicts.length > 0) blocks.push({ type: 'table', table: verdictTable(verdicts) });
  return { id: 'residue', title: 'Residue', blocks };
}

export function verdictTable(verdicts: Report['verdicts']): Table {
  return {
    headers: ['Check', 'Result', 'Value', 'Why'],
    rows: verdicts.map((v) => [v.label, { text: toneText(v.status), tone: v.status }, v.value, v.reason]),
  };
}
