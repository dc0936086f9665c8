import type { Finding, Report, Severity, Verdict } from './types';
import { SEVERITIES } from './types';

/**
 * The status of one area of a report (findings, hardening, portability), and what set it: the app's verdict cards
 * and the PDF's table of areas read this one rule, so a card and its printout cannot disagree. Severity maps to a
 * status the same way in every area: critical and high fail, medium needs a look, low and info pass; a failed or
 * doubtful check needs a look whatever its finding's severity; nothing checked is n/a (never a pass).
 */
export interface AreaStatus {
  status: Verdict['status'];
  /** The finding or check that set the status ("No RELRO (medium)", "PIE: no"); null when nothing stands out. */
  because: string | null;
}

export function severityStatus(severity: Severity): Verdict['status'] {
  if (severity === 'critical' || severity === 'high') return 'fail';
  return severity === 'medium' ? 'warn' : 'pass';
}

const RANK: Verdict['status'][] = ['n/a', 'pass', 'warn', 'fail'];

/** The most severe finding, the first of its severity in report order. */
export function worstFinding(findings: Finding[]): Finding | null {
  for (const severity of SEVERITIES) {
    const found = findings.find((f) => f.severity === severity);
    if (found) return found;
  }
  return null;
}

function findingReason(finding: Finding): string {
  return `${finding.title} (${finding.severity})`;
}

export function findingsStatus(report: Report): AreaStatus {
  const worst = worstFinding(report.findings);
  if (!worst) return { status: report.format === 'unknown' ? 'n/a' : 'pass', because: null };
  return { status: severityStatus(worst.severity), because: findingReason(worst) };
}

/** Hardening or portability: the worse of its worst finding and its failed or doubtful checks; n/a when unchecked. */
export function groupStatus(report: Report, group: 'hardening' | 'portability'): AreaStatus {
  const verdicts = report.verdicts.filter((v) => v.group === group);
  const worst = worstFinding(report.findings.filter((f) => f.kind === group && f.severity !== 'info'));
  const doubtful = verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'warn');
  const byFinding = worst ? severityStatus(worst.severity) : 'pass';
  const byCheck = doubtful ? 'warn' : 'pass';
  if (RANK.indexOf(byFinding) >= RANK.indexOf(byCheck) && worst && byFinding !== 'pass')
    return { status: byFinding, because: findingReason(worst) };
  if (doubtful) return { status: byCheck, because: `${doubtful.label}: ${doubtful.value}` };
  if (verdicts.length === 0 || verdicts.every((v) => v.status === 'n/a')) return { status: 'n/a', because: null };
  return { status: 'pass', because: null };
}
