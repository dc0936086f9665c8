import type { Diagnostic } from '../io/errors';
import type { Exe } from '../formats/exe';
import type { FoundString } from '../report/types';
import { locateLiterals, type CodeLiterals, type Literal } from './literals';
import { scanTextRuns, scanUtf16Runs, type TextRun } from './runs';
import { SectionLocator } from './section-locator';
import { hasChars, stringValue } from './values';

export { SectionLocator } from './section-locator';
export type { CodeLiterals } from './literals';
export { MAX_STRING_BYTES } from './values';

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
  /** String references found in the code, when the instruction pass ran. */
  code?: CodeLiterals;
  /**
   * Scan machine code for printable runs too. Off by default: Go keeps every literal in read-only data, and the
   * runs found in instructions are chance byte patterns that cost more to scan than the rest of the file.
   */
  allStrings?: boolean;
}

/** A piece of text before its value is read: where it is, what it is, who refers to it. */
interface Place {
  start: number;
  end: number;
  encoding: TextRun['encoding'];
  literal: Literal | null;
}

/**
 * Printable strings of the file with their offsets and sections. Go literals, which the linker stores back to
 * back, come out one by one at the exact place their references give (kind "literal", encoding "go"); what the
 * references do not explain is "other" text: printable runs with the literals taken out. Literals shorter than
 * the minimum still cut, so no string reported spans two literals. `options.baseOffset` is where the Exe's
 * offsets start in `file` (the first slice of a fat Mach-O).
 */
export function extractStrings(exe: Exe | null, file: Uint8Array, options: ExtractOptions = {}): FoundString[] {
  const minLength = Math.max(1, options.minLength ?? DEFAULT_MIN_LENGTH);
  const limit = Math.max(1, options.maxStrings ?? MAX_STRINGS);
  const base = options.baseOffset ?? 0;
  const literals = exe ? locateLiterals(exe, file, base, options.code) : [];
  const places: Place[] = [];
  for (const literal of literals) {
    if (hasChars(file, literal.start, literal.end, minLength, false)) {
      places.push({ start: literal.start, end: literal.end, encoding: 'go', literal });
    }
  }
  // One more than the cap, so that going over it is noticed.
  const windows = options.allStrings ? [{ start: 0, end: file.length }] : outsideCode(exe, file.length, base);
  for (const run of scanWindows(file, windows, minLength, limit + 1)) cutRun(run, literals, file, minLength, places);
  if (exe?.format === 'pe') {
    for (const run of scanUtf16Runs(file, minLength, limit + 1)) places.push({ ...run, literal: null });
  }
  places.sort((a, b) => a.start - b.start);
  if (places.length > limit) {
    places.length = limit;
    options.diagnostics?.push({
      level: 'warning',
      source: 'strings',
      message: `string list cut at ${limit} entries; later strings are not shown or scanned`,
    });
  }
  const locator = new SectionLocator(exe, base);
  return places.map((place) => foundString(place, file, locator));
}

/**
 * Bytes at the start of a code section scanned in any case: Go's linker writes the build ID there ("\xff Go build
 * ID: ..."), the only place it has in a PE or Mach-O file.
 */
export const CODE_HEAD_BYTES = 4096;

/**
 * The parts of the file outside its executable code sections (but for each one's head), in order: where the
 * printable-run scan looks by default. A file no format reader claimed is scanned whole.
 */
export function outsideCode(exe: Exe | null, size: number, base: number): { start: number; end: number }[] {
  const code = (exe?.sections ?? [])
    .filter((s) => s.kind === 'code' && s.fileSize > CODE_HEAD_BYTES)
    .map((s) => ({
      start: Math.max(0, base + s.offset + CODE_HEAD_BYTES),
      end: Math.min(size, base + s.offset + s.fileSize),
    }))
    .sort((a, b) => a.start - b.start);
  const windows: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const section of code) {
    if (section.start > cursor) windows.push({ start: cursor, end: section.start });
    cursor = Math.max(cursor, section.end);
  }
  if (cursor < size) windows.push({ start: cursor, end: size });
  return windows;
}

/** Printable runs inside each window, in file offsets, at most `limit` in all. */
function scanWindows(
  file: Uint8Array,
  windows: { start: number; end: number }[],
  minLength: number,
  limit: number,
): TextRun[] {
  const runs: TextRun[] = [];
  for (const { start, end } of windows) {
    if (runs.length >= limit) break;
    for (const run of scanTextRuns(file.subarray(start, end), minLength, limit - runs.length)) {
      run.start += start;
      run.end += start;
      runs.push(run);
    }
  }
  return runs;
}

function foundString(place: Place, file: Uint8Array, locator: SectionLocator): FoundString {
  const { value, truncated } = stringValue(file, place.start, place.end, place.encoding);
  const found: FoundString = {
    value,
    offset: place.start,
    section: locator.nameAt(place.start),
    encoding: place.encoding,
    kind: place.literal ? 'literal' : 'other',
    length: place.end - place.start,
  };
  if (place.literal) found.referencedBy = place.literal.referencedBy;
  if (truncated) found.truncated = true;
  return found;
}

/** The first literal that ends after `offset`. */
function firstLiteralAfter(literals: Literal[], offset: number): number {
  let low = 0;
  let high = literals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (literals[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pushes the run, or what is left of it once the Go literals inside it are taken out, as other text. */
function cutRun(run: TextRun, literals: Literal[], file: Uint8Array, minLength: number, out: Place[]): void {
  let index = firstLiteralAfter(literals, run.start);
  let cursor = run.start;
  for (; index < literals.length && literals[index]!.start < run.end; index++) {
    const literal = literals[index]!;
    if (literal.start > cursor) pushPiece(run, cursor, literal.start, file, minLength, out);
    cursor = Math.max(cursor, literal.end);
  }
  if (cursor < run.end) pushPiece(run, cursor, run.end, file, minLength, out);
}

function pushPiece(run: TextRun, start: number, end: number, file: Uint8Array, minLength: number, out: Place[]): void {
  if (hasChars(file, start, end, minLength, run.encoding === 'ascii')) {
    out.push({ start, end, encoding: run.encoding, literal: null });
  }
}
