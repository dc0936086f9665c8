import type { Finding, Severity, Verdict } from '../types';

/**
 * The report as a document: parts made of a few block kinds. The HTML (PDF) and Markdown exports render the same
 * parts, so they cannot drift apart in content, only in looks.
 */
export type Tone = Severity | Verdict['status'];

/** A table cell: plain text, or text with a tone the HTML shows as a badge (the word and symbol stay in the text). */
export type Cell = string | { text: string; tone: Tone };

export interface Table {
  headers: string[];
  rows: Cell[][];
  /** Column indexes shown right-aligned (numbers). */
  numeric?: number[];
  /** Column indexes shown in a monospace font (offsets, hashes, values from the binary). */
  mono?: number[];
  /** Said when rows were left out, e.g. "40 more rows not shown". */
  note?: string;
  /** Cells may break anywhere: for tables of unknown values (long hashes, paths) that must not overflow the page. */
  breakAnywhere?: boolean;
  /** A fixed column layout the stylesheet knows: evidence tables line up from finding to finding. */
  layout?: 'evidence' | 'sides';
}

export interface Fact {
  label: string;
  value: string;
  mono?: boolean;
}

export interface SeverityCount {
  severity: Severity;
  count: number;
}

export type Block =
  | { type: 'text'; text: string; role?: 'verdict' | 'note' }
  | { type: 'facts'; facts: Fact[] }
  | { type: 'table'; table: Table }
  | { type: 'heading'; text: string; tone?: Tone; level?: 3 | 4 }
  | { type: 'finding'; finding: Finding; evidence: Table | null }
  | { type: 'counts'; counts: SeverityCount[] }
  | { type: 'signoff' };

/** One function per block kind: each export is one of these, so a new kind cannot be forgotten by either. */
export type BlockRenderer = { [K in Block['type']]: (block: Extract<Block, { type: K }>) => string };

export function renderBlock(block: Block, renderer: BlockRenderer): string {
  return (renderer[block.type] as (block: Block) => string)(block);
}

export interface Part {
  id: string;
  title: string;
  blocks: Block[];
  /** The cover's line above its title, when the document is not a one-binary audit report. */
  kicker?: string;
}

export const AUDIT_KICKER = 'Gobinscope audit report';

/** Shapes, not only colours, tell severities apart on a black-and-white printout. */
export const SEVERITY_MARK: Record<Severity, string> = { critical: '✖', high: '▲', medium: '◆', low: '▽', info: '○' };
export const STATUS_MARK: Record<Verdict['status'], string> = { pass: '✓', fail: '✗', warn: '!', 'n/a': '–' };

export function isSeverity(tone: Tone): tone is Severity {
  return Object.hasOwn(SEVERITY_MARK, tone);
}

/** "✖ critical", "✓ pass": the words a person reads, with the shape that survives a grey printer. */
export function toneText(tone: Tone): string {
  const mark = isSeverity(tone) ? SEVERITY_MARK[tone] : STATUS_MARK[tone];
  return `${mark ?? '•'} ${tone}`;
}

export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/** Keeps the first `limit` rows and says how many were left out. */
export function limitRows(table: Table, limit: number): Table {
  if (table.rows.length <= limit) return table;
  const left = table.rows.length - limit;
  return { ...table, rows: table.rows.slice(0, limit), note: `${formatCount(left)} more rows not shown` };
}

/** Counts and byte sizes with thousands separators, the same in every export whatever the locale. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Extras arrive as JSON of unknown shape: the one check every guard starts from. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
