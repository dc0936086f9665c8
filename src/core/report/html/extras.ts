import { hex } from '../../io/reader';
import type { Block, Cell, Fact, Part, Table } from './model';
import { formatCount, isRecord, limitRows, toneText } from './model';
import { redactSecrets } from './redact';
import { comparisonBlocks, isComparison, isStripVerification, stripBlocks } from './comparison';
import { MAX_TABLE_ROWS } from './details';
import { isReconciliation, reconciliationBlocks, reconciliationItemBlocks } from './reconciliation';
import type { Comparison } from '../../compare/types';

/**
 * The comparison, strip verification and SBOM reconciliation, rendered from their JSON whatever its exact shape:
 * these objects can come from files a person passed in, so nothing about them is trusted or assumed.
 */
export interface ReportExtras {
  comparison?: unknown;
  stripVerification?: unknown;
  reconciliation?: unknown;
}

/** Nesting shown as headings before deeper values are written out as one line. */
const MAX_DEPTH = 3;
const MAX_COLUMNS = 8;
const MAX_INLINE_CHARS = 400;
/** Keys whose numbers are file positions, shown in hex like every offset in the report. */
const OFFSET_KEY = /offset$/i;
const SEVERITY_WORDS = new Set(['critical', 'high', 'medium', 'low', 'info']);

function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => !isRecord(item) && !Array.isArray(item));
  if (isRecord(value)) return Object.values(value).every((item) => !isRecord(item) && !Array.isArray(item));
  return true;
}

/** "bytesFreed" → "Bytes freed", "sha256A" → "Sha256 A". */
export function humanKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any JSON value on one line, cut to a readable length; strings from binaries are redacted. */
export function inline(value: unknown, key = ''): string {
  let text: string;
  if (value === null || value === undefined) text = '—';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'number')
    text = OFFSET_KEY.test(key) && Number.isInteger(value) ? hex(value) : formatCount(value);
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else if (Array.isArray(value)) text = value.length === 0 ? 'none' : value.map((item) => inline(item, key)).join(', ');
  else if (isRecord(value))
    text = Object.entries(value)
      .map(([k, v]) => `${humanKey(k)}: ${inline(v, k)}`)
      .join('; ');
  else text = String(value);
  const redacted = redactSecrets(text);
  return redacted.length > MAX_INLINE_CHARS ? `${redacted.slice(0, MAX_INLINE_CHARS)}…` : redacted;
}

function cellFor(key: string, value: unknown): Cell {
  if (key === 'severity' && typeof value === 'string' && SEVERITY_WORDS.has(value)) {
    return { text: toneText(value as 'info'), tone: value as 'info' };
  }
  return inline(value, key);
}

function objectTable(items: Record<string, unknown>[]): Table {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))].slice(0, MAX_COLUMNS);
  const numeric = keys.map((k, i) =>
    items.every((item) => typeof item[k] === 'number' || item[k] === undefined) ? i : -1,
  );
  return limitRows(
    {
      headers: keys.map(humanKey),
      rows: items.map((item) => keys.map((k) => cellFor(k, item[k]))),
      numeric: numeric.filter((i) => i >= 0),
      breakAnywhere: true,
    },
    MAX_TABLE_ROWS,
  );
}

function arrayBlocks(items: unknown[]): Block[] {
  if (items.length === 0) return [{ type: 'text', text: 'None.' }];
  if (items.every(isRecord)) return [{ type: 'table', table: objectTable(items) }];
  const table: Table = { headers: ['Value'], rows: items.map((item) => [inline(item)]), breakAnywhere: true };
  return [{ type: 'table', table: limitRows(table, MAX_TABLE_ROWS) }];
}

/** Summary lines first, then flat values as facts, then nested values under their own headings. */
function objectBlocks(value: Record<string, unknown>, depth: number): Block[] {
  const blocks: Block[] = [];
  const summary = value['summary'];
  if (typeof summary === 'string') blocks.push({ type: 'text', text: redactSecrets(summary), role: 'verdict' });
  else if (Array.isArray(summary)) blocks.push(...summary.map((line): Block => ({ type: 'text', text: inline(line) })));
  const entries = Object.entries(value).filter(([key]) => key !== 'summary');
  const flat = entries.filter(([, v]) => isFlat(v) || depth >= MAX_DEPTH);
  const nested = entries.filter(([, v]) => !isFlat(v) && depth < MAX_DEPTH);
  const facts: Fact[] = flat.map(([key, v]) => ({ label: humanKey(key), value: inline(v, key) }));
  if (facts.length > 0) blocks.push({ type: 'facts', facts });
  for (const [key, v] of nested) {
    blocks.push({ type: 'heading', text: humanKey(key), level: depth === 0 ? 3 : 4 });
    blocks.push(...jsonBlocks(v, depth + 1));
  }
  return blocks;
}

export function jsonBlocks(value: unknown, depth = 0): Block[] {
  if (Array.isArray(value)) return arrayBlocks(value);
  if (isRecord(value)) return objectBlocks(value, depth);
  return [{ type: 'text', text: inline(value) }];
}

/** One extra as a part: in its own words when it has the expected shape, else from its JSON whatever it is. */
function extraPart<T>(
  id: string,
  title: string,
  value: unknown,
  hasShape: (value: unknown) => value is T,
  render: (value: T) => Block[],
): Part {
  return { id, title, blocks: hasShape(value) ? render(value) : jsonBlocks(value) };
}

/**
 * Parts for the extras that were given, in the order a reviewer reads them. `afterCover`: the cover already said
 * the comparison's summary and the reconciliation's verdict, so the parts carry only the evidence.
 */
export function extrasParts(extras: ReportExtras | undefined, afterCover = false): Part[] {
  if (!extras) return [];
  const parts: Part[] = [];
  const { comparison, stripVerification, reconciliation } = extras;
  // A comparison carries its strip verification; it gets a part of its own either way.
  const strip = stripVerification ?? (isRecord(comparison) ? comparison['stripVerification'] : undefined);
  if (strip !== undefined)
    parts.push(extraPart('strip', 'Strip verification', strip, isStripVerification, stripBlocks));
  if (comparison !== undefined) {
    const rest = isRecord(comparison)
      ? Object.fromEntries(Object.entries(comparison).filter(([key]) => key !== 'stripVerification'))
      : comparison;
    const blocks = (c: Comparison): Block[] => comparisonBlocks(c, !afterCover);
    parts.push(extraPart('comparison', afterCover ? 'What changed' : 'Comparison', rest, isComparison, blocks));
  }
  if (reconciliation !== undefined) {
    // Its verdict is on the cover only when the document is the reconciliation's own.
    const onCover = afterCover && !isComparison(comparison);
    const [title, render] = onCover
      ? ['Disagreements', reconciliationItemBlocks]
      : ['SBOM reconciliation', reconciliationBlocks];
    parts.push(extraPart('reconciliation', title, reconciliation, isReconciliation, render));
  }
  return parts;
}
