import { cssString } from './escape';

/**
 * The report's look, on paper first: A4, black-and-white legible (severity is a word, a shape and a border style;
 * colour only adds), tables whose header repeats on every page and whose rows never split, headings that stay
 * with what follows. Selectors hang off .report-doc so the same sheet also works inside the app's shadow root.
 */
export const REPORT_CSS = `
.report-doc { --ink: #111; --muted: #555; --line: #bbb; --soft: #f1f2f4;
  --critical: #8e1b1b; --high: #c0392b; --medium: #9a6700; --low: #1f5fa8; --info: #555;
  --pass: #1a7f37; --fail: #b42318; --warn: #9a6700; --na: #666;
  color: var(--ink); background: #fff; font: 9.5pt/1.42 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.report-doc *, .report-doc *::before { box-sizing: border-box; }
.report-doc .mono, .report-doc .rule { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.86em; }
.report-doc h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 10pt; overflow-wrap: anywhere; }
.report-doc h2 { font-size: 14pt; margin: 16pt 0 6pt; padding-bottom: 3pt; border-bottom: 1.5pt solid var(--ink); }
.report-doc h3 { font-size: 11pt; margin: 12pt 0 5pt; }
.report-doc h4 { font-size: 10pt; margin: 0; }
.report-doc h2, .report-doc h3, .report-doc h4 { break-after: avoid; page-break-after: avoid; }
.report-doc p { margin: 0 0 6pt; orphans: 3; widows: 3; }
.report-doc .kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 8.5pt; color: var(--muted); margin: 0 0 4pt; }
.report-doc .note { color: var(--muted); font-style: italic; font-size: 8.5pt; }
.report-doc .part { break-inside: auto; }
.report-doc .part-cover { break-after: page; page-break-after: always; }

.report-doc table { width: 100%; border-collapse: collapse; margin: 0 0 8pt; }
.report-doc thead { display: table-header-group; }
.report-doc tr { break-inside: avoid; page-break-inside: avoid; }
.report-doc th, .report-doc td { text-align: left; vertical-align: baseline; padding: 2.5pt 5pt; overflow-wrap: break-word; }
.report-doc td.mono, .report-doc table.any td { overflow-wrap: anywhere; }
.report-doc table.data td.mono { min-width: 12em; }
.report-doc table.data th { white-space: nowrap; }
.report-doc table.evidence, .report-doc table.sides { table-layout: fixed; }
.report-doc table.sides th:nth-child(1) { width: 16%; }
.report-doc table.evidence th:nth-child(1) { width: 19%; } .report-doc table.evidence th:nth-child(2) { width: 12%; }
.report-doc table.evidence th:nth-child(3) { width: 44%; }
.report-doc table.data { font-size: 8.5pt; }
.report-doc table.data th { border-bottom: 1pt solid var(--ink); background: var(--soft); font-weight: 700; }
.report-doc table.data td { border-bottom: 0.5pt solid var(--line); }
.report-doc .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.report-doc table.facts { width: auto; max-width: 100%; }
.report-doc table.facts th { color: var(--muted); font-weight: 400; white-space: nowrap; padding-left: 0; width: 1%; }
.report-doc table.facts td { overflow-wrap: anywhere; }

.report-doc .badge { display: inline-block; padding: 0 4pt; border: 1pt solid currentColor; border-radius: 2pt;
  font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; white-space: nowrap; }
.report-doc .badge.tone-critical { background: var(--critical); border-color: var(--critical); color: #fff; }
.report-doc .badge.tone-high { color: var(--high); border-width: 1.5pt; }
.report-doc .badge.tone-medium { color: var(--medium); }
.report-doc .badge.tone-low { color: var(--low); border-style: dashed; }
.report-doc .badge.tone-info { color: var(--info); border-style: dotted; }
.report-doc .badge.tone-pass { color: var(--pass); }
.report-doc .badge.tone-fail { background: var(--fail); border-color: var(--fail); color: #fff; }
.report-doc .badge.tone-warn { color: var(--warn); border-style: dashed; }
.report-doc .badge.tone-na { color: var(--na); border-style: dotted; }
.report-doc h3.tone-critical { color: var(--critical); } .report-doc h3.tone-high { color: var(--high); }
.report-doc h3.tone-medium { color: var(--medium); } .report-doc h3.tone-low { color: var(--low); }

.report-doc .counts { list-style: none; display: flex; gap: 6pt; padding: 0; margin: 4pt 0 8pt; }
.report-doc .counts li { flex: 1; border: 1pt solid var(--line); border-top-width: 3pt; padding: 4pt 6pt; font-size: 9pt; }
.report-doc .counts li strong { font-size: 14pt; display: block; line-height: 1.1; }
.report-doc .counts li .mark { float: right; font-size: 11pt; }
.report-doc .counts li.zero { color: var(--muted); }
.report-doc .counts .tone-critical { border-top-color: var(--critical); }
.report-doc .counts .tone-high { border-top-color: var(--high); }
.report-doc .counts .tone-medium { border-top-color: var(--medium); }
.report-doc .counts .tone-low { border-top-color: var(--low); border-top-style: dashed; }
.report-doc .counts .tone-info { border-top-color: var(--info); border-top-style: dotted; }
.report-doc p.verdict { font-size: 10.5pt; line-height: 1.5; padding: 6pt 8pt; border-left: 3pt solid var(--ink); background: var(--soft); }

.report-doc .finding { border: 0.75pt solid var(--line); border-left: 3pt solid var(--info); padding: 6pt 8pt 2pt; margin: 0 0 8pt;
  break-inside: avoid; page-break-inside: avoid; }
.report-doc .finding.tone-critical { border-left-color: var(--critical); border-left-width: 5pt; }
.report-doc .finding.tone-high { border-left-color: var(--high); border-left-width: 4pt; }
.report-doc .finding.tone-medium { border-left-color: var(--medium); }
.report-doc .finding.tone-low { border-left-color: var(--low); border-left-style: dashed; }
.report-doc .finding.tone-info { border-left-style: dotted; }
.report-doc .finding header { display: flex; align-items: baseline; gap: 6pt; margin-bottom: 3pt; }
.report-doc .finding .rule { margin-left: auto; color: var(--muted); }
.report-doc .remedy { font-size: 9pt; }

.report-doc table.signoff { margin-top: 18pt; table-layout: fixed; break-inside: avoid; }
.report-doc table.signoff col.label { width: 22mm; }
.report-doc table.signoff th { white-space: nowrap; font-weight: 400; color: var(--muted); vertical-align: bottom; padding-left: 0; }
.report-doc table.signoff td { height: 24pt; vertical-align: bottom; }
.report-doc table.signoff td.line { border-bottom: 0.75pt solid var(--ink); }

@media screen {
  .report-doc { max-width: 210mm; margin: 0 auto; padding: 14mm 16mm; }
}
`;

/**
 * The page box: A4, a running header naming the document and its file(s), and a footer with the file's SHA-256 and "page X of Y"
 * (Chromium ≥ 131 draws @page margin boxes). The values are CSS-escaped: the file name is hostile input.
 */
export function pageCss(title: string, sha256: string, generatedAt: string): string {
  const box = "font: 7.5pt 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif; color: #555;";
  // Hex digits, and the "A …· B …" a comparison's footer names its two files with; nothing else gets through.
  const hash = sha256.replace(/[^0-9a-fA-F AB·…]/g, '');
  return `
@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-left { content: ${cssString(title)}; ${box} }
  @top-right { content: ${cssString(generatedAt)}; ${box} }
  @bottom-left { content: ${cssString(`SHA-256 ${hash}`)}; ${box} font-family: 'DejaVu Sans Mono', monospace; font-size: 6.5pt; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); ${box} }
}
@page :first { @top-left { content: none; } @top-right { content: none; } }
`;
}
