import type { Finding, LinkageReport, Report, Severity } from '../types';
import { SEVERITIES } from '../types';
import type { SeverityCount } from './model';

/** How many of the most serious findings the verdict names. */
const WORST_NAMED = 3;

export function severityCounts(findings: Finding[]): SeverityCount[] {
  return SEVERITIES.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length }));
}

export function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function findingsSentence(findings: Finding[]): string {
  if (findings.length === 0) return 'No findings.';
  const counts = severityCounts(findings)
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} ${c.severity}`);
  const serious = bySeverity(findings).filter((f) => f.severity !== 'info' && f.severity !== 'low');
  const titles = new Map<string, { severity: Severity; count: number }>();
  for (const finding of serious) {
    const seen = titles.get(finding.title);
    titles.set(finding.title, { severity: seen?.severity ?? finding.severity, count: (seen?.count ?? 0) + 1 });
  }
  const worst = [...titles]
    .slice(0, WORST_NAMED)
    .map(([title, { severity, count }]) => `${title}${count > 1 ? ` ×${count}` : ''} (${severity})`);
  const left = titles.size - worst.length;
  if (left > 0) worst.push(`and ${left} more kind${left === 1 ? '' : 's'}`);
  const total = `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${joinWords(counts)}.`;
  return worst.length > 0 ? `${total} Most serious: ${worst.join('; ')}.` : total;
}

function linkageSentence(linkage: LinkageReport | null): string {
  if (!linkage) return 'Linkage could not be determined.';
  if (linkage.static)
    return `Statically linked${linkage.cgo ? ' with CGO' : ', without CGO'}: it needs no libc or loader.`;
  const libc = linkage.libc && linkage.libc !== 'none' ? ` against ${linkage.libc}` : '';
  const glibc = linkage.glibcMax ? ` (needs GLIBC ${linkage.glibcMax} or newer)` : '';
  return `Dynamically linked${libc}${glibc}${linkage.cgo ? ', with CGO' : ''}.`;
}

function verdictGroupSentence(report: Report, group: 'hardening' | 'portability'): string {
  const verdicts = report.verdicts.filter((v) => v.group === group);
  if (verdicts.length === 0) return '';
  const failed = verdicts.filter((v) => v.status === 'fail');
  const warned = verdicts.filter((v) => v.status === 'warn');
  const name = group === 'hardening' ? 'Hardening' : 'Portability';
  if (failed.length === 0 && warned.length === 0) return `${name}: ${allPass(verdicts.length)}.`;
  const listed = [
    ...failed.map((v) => `${v.label} fails — ${v.reason}`),
    ...warned.map((v) => `${v.label} needs a look — ${v.reason}`),
  ];
  return `${name}: ${listed.join('; ')}.`;
}

function allPass(count: number): string {
  return count === 1 ? 'the one check passes' : `all ${count} checks pass`;
}

function conclusion(report: Report): string {
  if (report.format === 'unknown') return 'No verdict: the file could not be read as an executable.';
  const findings = report.findings;
  const blocking = findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  if (blocking > 0)
    return `Resolve the ${blocking} critical and high finding${blocking === 1 ? '' : 's'} before this binary ships.`;
  return 'Nothing here blocks a release; review the remaining findings and verdicts below.';
}

/** The one-paragraph verdict on the cover, written from the findings, linkage and verdicts. */
export function verdictParagraph(report: Report): string {
  const subject = report.detection.isGo
    ? `${report.file.name} is a Go ${report.go?.version ? `${report.go.version.replace(/^go/, '')} ` : ''}binary.`
    : `${report.file.name} is not recognised as a Go binary: ${report.detection.reason.replace(/\.+$/, '')}.`;
  const packer = report.packed
    ? `${report.packed.packer}${report.packed.version ? ` ${report.packed.version}` : ''}`
    : '';
  const packed = !report.packed
    ? ''
    : report.packed.unpacked
      ? `It is packed with ${packer}; Gobinscope unpacked it in memory, and this report is of the unpacked program.`
      : `It is packed with ${packer}, so most of its contents are hidden.`;
  return [
    subject,
    findingsSentence(report.findings),
    linkageSentence(report.linkage),
    verdictGroupSentence(report, 'portability'),
    verdictGroupSentence(report, 'hardening'),
    packed,
    conclusion(report),
  ]
    .filter(Boolean)
    .join(' ');
}
