import type { Diagnostic } from '../io/errors';
import type { Exe } from '../formats/exe';
import type { FoundString } from '../report/types';
import { decodeUtf8 } from '../io/reader';
import { collectGoSpans, type GoSpan } from './go-headers';
import { scanTextRuns, scanUtf16Runs, type TextRun } from './runs';
import { SectionLocator } from './section-locator';

export { SectionLocator } from './section-locator';

/** The shortest run reported, as `strings` does by default with -n 6. */
export const DEFAULT_MIN_LENGTH = 6;
/** Strings kept per file: enough for the Strings view and the rules, bounded for memory on huge binaries. */
export const MAX_STRINGS = 500_000;

export interface ExtractOptions {
  minLength?: number;
  /** Cap on the number of strings (defaults to MAX_STRINGS). */
  maxStrings?: number;
  /** Where the Exe's file offsets start in `file`: the slice offset for a fat Mach-O, else 0. */
  baseOffset?: number;
  /** Receives a warning when the cap cut the list short. */
  diagnostics?: Diagnostic[];
}

/**
 * Printable strings of the file with their offsets and sections. Go literals, which the linker stores back to
 * back, are cut apart at the {ptr,len} headers that point at them (encoding "go"); the merged run they came
 * from is replaced by those literals and whatever text lies between them. `options.baseOffset` is where the
 * Exe's offsets start in `file` (the first slice of a fat Mach-O).
 */
export function extractStrings(exe: Exe | null, file: Uint8Array, options: ExtractOptions = {}): FoundString[] {
  const minLength = Math.max(1, options.minLength ?? DEFAULT_MIN_LENGTH);
  const limit = Math.max(1, options.maxStrings ?? MAX_STRINGS);
  const base = options.baseOffset ?? 0;
  // Literals shorter than the minimum do not cut: Go packs many 2–5 byte literals together, and that run is what
  // `strings` shows and what a person searches for; the literals long enough to report come out whole.
  const goRuns = exe
    ? chooseSpans(collectGoSpans(exe, file, base))
        .map((span) => goRun(span, file))
        .filter((run) => charCount(run) >= minLength)
    : [];
  const pieces: TextRun[] = [];
  // One more than the cap, so that going over it is noticed.
  for (const run of scanTextRuns(file, minLength, limit + 1)) cutRun(run, goRuns, file, minLength, pieces);
  const utf16 = exe?.format === 'pe' ? scanUtf16Runs(file, minLength, limit + 1) : [];
  const all = pieces.concat(goRuns, utf16).sort((a, b) => a.start - b.start);
  if (all.length > limit) {
    all.length = limit;
    options.diagnostics?.push({
      level: 'warning',
      source: 'strings',
      message: `string list cut at ${limit} entries; later strings are not shown or scanned`,
    });
  }
  const locator = new SectionLocator(exe, base);
  return all.map((run) => ({
    value: run.value,
    offset: run.start,
    section: locator.nameAt(run.start),
    encoding: run.encoding,
  }));
}

/** Sorted, non-overlapping spans: at one start the longest wins, and a span inside a kept one is dropped. */
function chooseSpans(spans: GoSpan[]): GoSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: GoSpan[] = [];
  let reached = -1;
  for (const span of spans) {
    if (span.start < reached) continue;
    chosen.push(span);
    reached = span.end;
  }
  return chosen;
}

function goRun(span: GoSpan, file: Uint8Array): TextRun {
  return { start: span.start, end: span.end, value: decodeUtf8(file.subarray(span.start, span.end)), encoding: 'go' };
}

const nonAscii = /[\u0080-\uffff]/;

function charCount(run: TextRun): number {
  return nonAscii.test(run.value) ? [...run.value].length : run.value.length;
}

/** The first span that ends after `offset`. */
function firstSpanAfter(spans: GoSpan[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pushes the run, or what is left of it once the Go literals inside it are taken out. */
function cutRun(run: TextRun, spans: GoSpan[], file: Uint8Array, minLength: number, out: TextRun[]): void {
  let index = firstSpanAfter(spans, run.start);
  if (index >= spans.length || spans[index]!.start >= run.end) {
    out.push(run);
    return;
  }
  let cursor = run.start;
  for (; index < spans.length && spans[index]!.start < run.end; index++) {
    const span = spans[index]!;
    if (span.start > cursor) pushPiece(run, cursor, span.start, file, minLength, out);
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < run.end) pushPiece(run, cursor, run.end, file, minLength, out);
}

function pushPiece(
  run: TextRun,
  start: number,
  end: number,
  file: Uint8Array,
  minLength: number,
  out: TextRun[],
): void {
  const value =
    run.encoding === 'ascii'
      ? run.value.slice(start - run.start, end - run.start)
      : decodeUtf8(file.subarray(start, end));
  const piece: TextRun = { start, end, value, encoding: run.encoding };
  if (charCount(piece) >= minLength) out.push(piece);
}
