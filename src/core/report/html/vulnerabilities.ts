import type { Report, VulnerabilityMatch } from '../types';
import { VULN_SEVERITY } from '../../vulns/findings';
import type { Block, Part, Table } from './model';
import { formatCount, limitRows } from './model';

/** Rows the printed table keeps; the counts above it are always complete. */
const MAX_VULN_ROWS = 80;

const STATUS_WORD: Record<VulnerabilityMatch['status'], string> = {
  reachable: 'reachable',
  present: 'present',
  module: 'module',
  absent: 'absent',
};

function symbolsText(match: VulnerabilityMatch): string {
  if (match.symbols.length === 0) return '—';
  return match.symbols
    .slice(0, 4)
    .map((s) => `${s.package}.${s.symbol}${s.inlined ? ' (inlined)' : ''}`)
    .concat(match.symbols.length > 4 ? [`and ${match.symbols.length - 4} more`] : [])
    .join(', ');
}

function vulnTable(matches: VulnerabilityMatch[]): Table {
  return limitRows(
    {
      headers: ['Status', 'ID', 'Aliases', 'Module', 'Fixed in', 'Symbols', 'Path from main'],
      rows: matches.map((m) => [
        { text: STATUS_WORD[m.status], tone: VULN_SEVERITY[m.status] },
        m.id,
        m.aliases.join(', ') || '—',
        `${m.module}@${m.version}`,
        m.fixed ?? 'none yet',
        symbolsText(m),
        m.path ? m.path.join(' → ') : '—',
      ]),
      mono: [1, 3, 5, 6],
      breakAnywhere: true,
    },
    MAX_VULN_ROWS,
  );
}

function countsText(matches: VulnerabilityMatch[]): string {
  if (matches.length === 0) return 'No known vulnerability affects the modules this binary links.';
  const counts = (['reachable', 'present', 'module', 'absent'] as const)
    .map((s) => [s, matches.filter((m) => m.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${formatCount(n)} ${s}`);
  return `${formatCount(matches.length)} known vulnerabilities affect the linked module versions: ${counts.join(', ')}. Reachable: a chain of direct calls from main reaches the vulnerable code; present: the code is linked with no direct path found; module: the entry names no symbols; absent: the code is not in the binary.`;
}

/** Known vulnerabilities, worst first, or a line saying no database was loaded. */
export function vulnerabilitiesPart(report: Report): Part | null {
  if (!report.go) return null;
  const db = report.vulnDb;
  if (!db)
    return {
      id: 'vulnerabilities',
      title: 'Known vulnerabilities',
      blocks: [{ type: 'text', role: 'note', text: 'Not checked: no vulnerability database was loaded.' }],
    };
  const matches = report.vulnerabilities ?? [];
  const age = db.ageDays === null ? 'date unknown' : `${db.modified?.slice(0, 10)}, ${db.ageDays} days old`;
  const blocks: Block[] = [
    {
      type: 'facts',
      facts: [
        { label: 'Database', value: db.source, mono: true },
        { label: 'Date', value: age },
        { label: 'Entries', value: formatCount(db.entries) },
      ],
    },
    { type: 'text', role: 'verdict', text: countsText(matches) },
  ];
  if (db.ageDays !== null && db.ageDays > 30)
    blocks.push({ type: 'text', role: 'note', text: 'The database is older than 30 days: newer entries are missing.' });
  if (matches.length > 0) blocks.push({ type: 'table', table: vulnTable(matches) });
  return { id: 'vulnerabilities', title: 'Known vulnerabilities', blocks };
}
