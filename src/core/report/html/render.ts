import type { Finding } from '../types';
import { escapeHtml } from './escape';
import type { BlockRenderer, Cell, Fact, Part, SeverityCount, Table } from './model';
import { AUDIT_KICKER, SEVERITY_MARK, cellText, renderBlock, toneText } from './model';

/** Blocks to HTML. Every piece of text goes through escapeHtml here, and only here. */

/** A class name from a tone, kept to letters so even a hostile severity string cannot break out. */
function toneClass(tone: string): string {
  return `tone-${tone.replace(/[^a-z]/g, '')}`;
}

function cellHtml(cell: Cell, classes: string[]): string {
  const text = escapeHtml(cellText(cell));
  const content = typeof cell === 'string' ? text : `<span class="badge ${toneClass(cell.tone)}">${text}</span>`;
  return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}>${content}</td>`;
}

export function tableHtml(table: Table): string {
  const className = 'data';
  const classesFor = (column: number): string[] => [
    ...(table.numeric?.includes(column) ? ['num'] : []),
    ...(table.mono?.includes(column) ? ['mono'] : []),
  ];
  const head = table.headers
    .map((h, i) => `<th${table.numeric?.includes(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const rows = table.rows
    .map((row) => `<tr>${row.map((cell, i) => cellHtml(cell, classesFor(i))).join('')}</tr>`)
    .join('\n');
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  const classes = [className, ...(table.breakAnywhere ? ['any'] : []), ...(table.layout ? [table.layout] : [])].join(
    ' ',
  );
  return `<table class="${classes}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${note}`;
}

function factsHtml(facts: Fact[]): string {
  const rows = facts.map(
    (f) =>
      `<tr><th scope="row">${escapeHtml(f.label)}</th><td${f.mono ? ' class="mono"' : ''}>${escapeHtml(f.value)}</td></tr>`,
  );
  return `<table class="facts"><tbody>${rows.join('')}</tbody></table>`;
}

function countsHtml(counts: SeverityCount[]): string {
  const items = counts.map(
    (c) =>
      `<li class="${toneClass(c.severity)}${c.count === 0 ? ' zero' : ''}"><span class="mark">${SEVERITY_MARK[c.severity]}</span> <strong>${c.count}</strong> ${c.severity}</li>`,
  );
  return `<ul class="counts" aria-label="Findings by severity">${items.join('')}</ul>`;
}

function findingHtml(finding: Finding, evidence: Table | null): string {
  return [
    `<article class="finding ${toneClass(finding.severity)}">`,
    `<header><span class="badge ${toneClass(finding.severity)}">${escapeHtml(toneText(finding.severity))}</span>`,
    `<h4>${escapeHtml(finding.title)}</h4><span class="rule mono">${escapeHtml(finding.id)}</span></header>`,
    `<p>${escapeHtml(finding.description)}</p>`,
    evidence ? tableHtml(evidence) : '<p class="note">No evidence recorded.</p>',
    `<p class="remedy"><strong>Remediation.</strong> ${escapeHtml(finding.remediation)}</p>`,
    '</article>',
  ].join('\n');
}

const SIGNOFF = [
  '<table class="signoff"><colgroup><col class="label"><col><col class="label"><col></colgroup><tbody>',
  '<tr><th scope="row">Reviewed by</th><td class="line"></td><th scope="row">Date</th><td class="line"></td></tr>',
  '<tr><th scope="row">Decision</th><td colspan="3">☐ ship&nbsp;&nbsp;&nbsp; ☐ ship with conditions&nbsp;&nbsp;&nbsp; ☐ do not ship</td></tr>',
  '<tr><th scope="row">Signature</th><td class="line" colspan="3"></td></tr>',
  '</tbody></table>',
].join('');

const HTML_BLOCKS: BlockRenderer = {
  text: (block) => `<p${block.role ? ` class="${block.role}"` : ''}>${escapeHtml(block.text)}</p>`,
  facts: (block) => factsHtml(block.facts),
  table: (block) => tableHtml(block.table),
  heading: (block) => {
    const level = block.level ?? 3;
    return `<h${level}${block.tone ? ` class="${toneClass(block.tone)}"` : ''}>${escapeHtml(block.text)}</h${level}>`;
  },
  finding: (block) => findingHtml(block.finding, block.evidence),
  counts: (block) => countsHtml(block.counts),
  signoff: () => SIGNOFF,
};

export function partHtml(part: Part): string {
  const title =
    part.id === 'cover'
      ? `<p class="kicker">${escapeHtml(part.kicker ?? AUDIT_KICKER)}</p><h1>${escapeHtml(part.title)}</h1>`
      : `<h2>${escapeHtml(part.title)}</h2>`;
  return `<section class="part part-${escapeHtml(part.id)}" id="part-${escapeHtml(part.id)}">\n${title}\n${part.blocks.map((block) => renderBlock(block, HTML_BLOCKS)).join('\n')}\n</section>`;
}
