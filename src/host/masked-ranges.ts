import type { Outcome } from '../common/dto';
import type { Analysis } from '../core/analyze';

/** A run of file bytes that holds a masked text: never sent to a window unless that text is revealed. */
export interface MaskedRange {
  start: number;
  end: number;
  /** The revealable item these bytes belong to ("analysis/strings/12/value"), when known. */
  path: string | null;
}

/** Which file of a job an analysis was read from: "analysis", "a" or "b", as outcome paths spell them. */
export type AnalysisPlace = 'analysis' | 'a' | 'b';

const STRING_VALUE = /^strings\/(\d+)\/value$/;
const EVIDENCE_VALUE = /^report\/findings\/(\d+)\/evidence\/(\d+)\/value$/;

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The byte ranges of one analysis that hold what the redaction masked: each masked string over its whole length,
 * each masked evidence value from its offset over the clear value's length.
 */
function rangesOf(analysis: Analysis, place: AnalysisPlace, clear: ReadonlyMap<string, string>): MaskedRange[] {
  const ranges: MaskedRange[] = [];
  for (const item of analysis.revealable ?? []) {
    const path = `${place}/${item}`;
    const string = STRING_VALUE.exec(item);
    const found = string ? analysis.strings[Number(string[1])] : undefined;
    if (found) ranges.push({ start: found.offset, end: found.offset + Math.max(1, found.length), path });
    const evidence = EVIDENCE_VALUE.exec(item);
    const at = evidence ? analysis.report.findings[Number(evidence[1])]?.evidence[Number(evidence[2])] : undefined;
    const text = clear.get(path);
    if (at && at.offset !== null && text !== undefined)
      ranges.push({ start: at.offset, end: at.offset + byteLength(text), path });
  }
  return ranges;
}

/** The analyses of an outcome with the index of the input each was read from (what openInputs did with them). */
export function analysesOf(
  outcome: Outcome,
  inputNames: string[],
): { place: AnalysisPlace; input: number; analysis: Analysis }[] {
  switch (outcome.kind) {
    case 'binary':
      return [{ place: 'analysis', input: 0, analysis: outcome.analysis }];
    case 'compare':
      return [
        { place: 'a', input: 0, analysis: outcome.a },
        { place: 'b', input: 1, analysis: outcome.b },
      ];
    case 'reconcile':
      // The SBOM may have been either of the two files.
      return [
        { place: 'analysis', input: inputNames[0] === outcome.document.fileName ? 1 : 0, analysis: outcome.analysis },
      ];
    default:
      // An SBOM alone has no bytes to look at.
      return [];
  }
}

/** Per analysis of the outcome, the ranges its masked texts cover. */
export function maskedRanges(outcome: Outcome, clear: ReadonlyMap<string, string>): Map<AnalysisPlace, MaskedRange[]> {
  const out = new Map<AnalysisPlace, MaskedRange[]>();
  for (const { place, analysis } of analysesOf(outcome, [])) out.set(place, rangesOf(analysis, place, clear));
  return out;
}

/** Every place in `bytes` (which starts at file offset `base`) where one of the clear texts occurs byte for byte. */
function occurrences(bytes: Uint8Array, base: number, texts: Iterable<string>): MaskedRange[] {
  const found: MaskedRange[] = [];
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const text of texts) {
    const needle = Buffer.from(text, 'utf8');
    if (needle.length < 4 || needle.length > bytes.length) continue;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
      found.push({ start: base + at, end: base + at + needle.length, path: null });
  }
  return found;
}

/**
 * Blanks (zeroes) the bytes of a window that hold a masked text, and says which: the known ranges, and as a
 * backstop any other copy of a clear text inside the window. Ranges are clipped to the window.
 */
export function maskWindow(
  bytes: Uint8Array,
  base: number,
  known: readonly MaskedRange[],
  clearTexts: Iterable<string>,
): MaskedRange[] {
  const end = base + bytes.length;
  const hits = [...known.filter((r) => r.end > base && r.start < end), ...occurrences(bytes, base, clearTexts)];
  const clipped = hits.map((r) => ({ start: Math.max(base, r.start), end: Math.min(end, r.end), path: r.path }));
  for (const r of clipped) bytes.fill(0, r.start - base, r.end - base);
  return clipped.sort((x, y) => x.start - y.start);
}
