import { reportParts, type DocumentOptions } from './html/document';
import type { BlockRenderer, Fact, Part, SeverityCount, Table } from './html/model';
import { AUDIT_KICKER, SEVERITY_MARK, cellText, renderBlock, toneText } from './html/model';
import type { Finding, Report } from './types';

/**
 * The audit report in GitHub Markdown, with the same parts as the PDF. Strings from the binary are hostile: plain
 * text is backslash-escaped (so it cannot open a link, emphasis, HTML or a new table cell) and values from the file
 * go in code spans; line breaks are folded so nothing can start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]<>|~&]/g, (char) => (char === '&' ? '&amp;' : `\\${char}`));
}

/** A code span that holds any text: the fence is longer than any backtick run inside; pipes stay escaped for tables. */
export function codeSpan(text: string): string {
  const value = oneLine(text);
  if (value === '') return '';
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = value.startsWith('`') || value.endsWith('`') || value.startsWith(' ') ? ` ${value} ` : value;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function tableMarkdown(table: Table): string {
  const align = table.headers.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  const cell = (text: string, column: number): string =>
    table.mono?.includes(column) ? codeSpan(text) : escapeMarkdown(text);
  const lines = [
    `| ${table.headers.map(escapeMarkdown).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map((c, i) => cell(cellText(c), i)).join(' | ')} |`),
  ];
  if (table.note) lines.push('', `_${escapeMarkdown(table.note)}_`);
  return lines.join('\n');
}

function factsMarkdown(facts: Fact[]): string {
  const rows = facts.map(
    (f) => `| ${escapeMarkdown(f.label)} | ${f.mono ? codeSpan(f.value) : escapeMarkdown(f.value)} |`,
  );
  return ['| | |', '| --- | --- |', ...rows].join('\n');
}

function countsMarkdown(counts: SeverityCount[]): string {
  return counts.map((c) => `${SEVERITY_MARK[c.severity]} **${c.count}** ${c.severity}`).join(' · ');
}

function findingMarkdown(finding: Finding, evidence: Table | null): string {
  return [
    `#### ${escapeMarkdown(finding.title)}`,
    `**${escapeMarkdown(toneText(finding.severity))}** · ${codeSpan(finding.id)}`,
    escapeMarkdown(finding.description),
    evidence ? tableMarkdown(evidence) : '_No evidence recorded._',
    `**Remediation.** ${escapeMarkdown(finding.remediation)}`,
  ].join('\n\n');
}

const SIGNOFF = [
  '**Reviewed by:** ____________________ **Date:** ____________',
  '**Decision:** ☐ ship ☐ ship with conditions ☐ do not ship',
  '**Signature:** ____________________',
].join('\n\n');

/** Block renderers for Markdown; `demote` lifts headings a level (the cover sits under the only level-1 heading). */
function markdownBlocks(demote: number): BlockRenderer {
  return {
    text: (block) => (block.role === 'verdict' ? `> ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text)),
    facts: (block) => factsMarkdown(block.facts),
    table: (block) => tableMarkdown(block.table),
    heading: (block) => `${'#'.repeat((block.level ?? 3) - demote)} ${escapeMarkdown(block.text)}`,
    finding: (block) => findingMarkdown(block.finding, block.evidence),
    counts: (block) => countsMarkdown(block.counts),
    signoff: () => SIGNOFF,
  };
}

function partMarkdown(part: Part): string {
  const title =
    part.id === 'cover'
      ? `# ${escapeMarkdown(part.kicker ?? AUDIT_KICKER)}: ${escapeMarkdown(part.title)}`
      : `## ${escapeMarkdown(part.title)}`;
  const renderer = markdownBlocks(part.id === 'cover' ? 1 : 0);
  return [title, ...part.blocks.map((block) => renderBlock(block, renderer))].join('\n\n');
}

/** The report as GitHub Markdown; secrets stay masked exactly as in the PDF. */
export function renderMarkdown(report: Report, options: DocumentOptions = {}): string {
  return `${reportParts(report, options).map(partMarkdown).join('\n\n')}\n`;
}
