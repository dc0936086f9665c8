import type { FoundString, StringKind } from '../report/types';

/** One regex match inside one found string, with the file offset where the match starts. */
export interface CorpusMatch {
  match: RegExpExecArray;
  string: FoundString;
  /** File offset of the first character of the match. */
  offset: number;
  /** Index of the match's first character in `string.value`. */
  index: number;
}

/** Which kinds of text a rule or pattern reads. */
export type TextKinds = readonly StringKind[];
/** Go literals and other text alike: for patterns whose match carries its own proof (a key prefix, a PEM header). */
export const ALL_TEXT: TextKinds = ['literal', 'other'];
/** No strings at all: for rules that read only the parsed file and the report. */
export const NO_TEXT: TextKinds = [];
/** Go literals only: for patterns that a run of glued literals could fake ("token: " followed by the next one). */
export const LITERALS_ONLY: TextKinds = ['literal'];

/**
 * Characters joined into one searched text. Joining lets each pattern run once over many strings instead of
 * once per string; the cap keeps every joined text far below what a JavaScript string can hold.
 */
export const CORPUS_CHUNK_CHARS = 1 << 22;
/** Joined texts kept between searches; past this they are joined again when needed, so memory stays bounded. */
const CACHED_CHARS = 1 << 26;

// Separates strings in the joined text; no rule pattern matches it, so no match spans two strings.
const SEPARATOR = '\u0000';
const encoder = new TextEncoder();
const nonAscii = /[\u0080-\uffff]/;

/** A run of consecutive strings searched as one joined text. */
interface Chunk {
  first: number;
  count: number;
  /** Index in the joined text where each string starts. */
  starts: number[];
  text: string | null;
}

/**
 * The found strings, searched by regex in joined pieces of bounded size. Matches are mapped back to their string
 * and file offset. `only(kinds)` gives the corpus of some kinds of text.
 */
export class StringCorpus {
  private readonly chunks: Chunk[] = [];
  private readonly narrowed = new Map<string, StringCorpus>();
  private cachedChars = 0;

  constructor(readonly strings: FoundString[]) {
    let chunk: Chunk | null = null;
    let at = 0;
    strings.forEach((found, i) => {
      if (!chunk || (at > 0 && at + found.value.length > CORPUS_CHUNK_CHARS)) {
        chunk = { first: i, count: 0, starts: [], text: null };
        this.chunks.push(chunk);
        at = 0;
      }
      chunk.starts.push(at);
      chunk.count++;
      at += found.value.length + SEPARATOR.length;
    });
  }

  /** The strings of the given kinds (a string without a kind counts as other text). */
  only(kinds: TextKinds): StringCorpus {
    if (ALL_TEXT.every((kind) => kinds.includes(kind))) return this;
    const key = [...kinds].sort().join(',');
    let corpus = this.narrowed.get(key);
    if (!corpus) {
      corpus = new StringCorpus(this.strings.filter((s) => kinds.includes(s.kind ?? 'other')));
      this.narrowed.set(key, corpus);
    }
    return corpus;
  }

  /**
   * The strings that hold at least one of `needles`. A pattern whose every match holds one of them finds the same
   * matches here, in the same order (strings stay whole and separated as before), and reads far less text.
   */
  containing(needles: readonly string[]): StringCorpus {
    if (needles.length === 0 || needles.some((needle) => needle.length === 0)) return this;
    // Kinds never hold this character: the two kinds of keys cannot meet.
    const key = `\u0001${needles.join('\u0001')}`;
    let corpus = this.narrowed.get(key);
    if (corpus) return corpus;
    const keep = new Uint8Array(this.strings.length);
    for (const chunk of this.chunks) {
      const text = this.textOf(chunk);
      for (const needle of needles) {
        for (let at = text.indexOf(needle); at >= 0;) {
          const local = stringIndexAt(chunk.starts, at);
          keep[chunk.first + local] = 1;
          at = local + 1 < chunk.count ? text.indexOf(needle, chunk.starts[local + 1]!) : -1;
        }
      }
    }
    corpus = new StringCorpus(this.strings.filter((_, i) => keep[i] === 1));
    this.narrowed.set(key, corpus);
    return corpus;
  }

  /** Every match of a pattern, mapped to its string and file offset. */
  *matches(pattern: RegExp): Generator<CorpusMatch> {
    const global = new RegExp(pattern.source, pattern.global ? pattern.flags : `${pattern.flags}g`);
    for (const chunk of this.chunks) {
      const text = this.textOf(chunk);
      global.lastIndex = 0;
      for (let match = global.exec(text); match; match = global.exec(text)) {
        if (match[0].length === 0) {
          global.lastIndex++;
          continue;
        }
        const local = stringIndexAt(chunk.starts, match.index);
        const found = this.strings[chunk.first + local]!;
        const index = match.index - chunk.starts[local]!;
        yield { match, string: found, offset: offsetInString(found, index), index };
      }
    }
  }

  /** File offset of the first occurrence of `needle` inside one string, or null. */
  find(needle: string): number | null {
    if (needle.length === 0) return null;
    for (const chunk of this.chunks) {
      const text = this.textOf(chunk);
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        const local = stringIndexAt(chunk.starts, at);
        const found = this.strings[chunk.first + local]!;
        const index = at - chunk.starts[local]!;
        if (index + needle.length <= found.value.length) return offsetInString(found, index);
      }
    }
    return null;
  }

  private textOf(chunk: Chunk): string {
    if (chunk.text !== null) return chunk.text;
    const values = new Array<string>(chunk.count);
    for (let i = 0; i < chunk.count; i++) values[i] = this.strings[chunk.first + i]!.value;
    const text = values.join(SEPARATOR);
    if (this.cachedChars + text.length <= CACHED_CHARS) {
      chunk.text = text;
      this.cachedChars += text.length;
    }
    return text;
  }
}

function stringIndexAt(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** File offset of character `index` of a found string, given how its bytes were decoded. */
export function offsetInString(found: FoundString, index: number): number {
  if (found.encoding === 'utf16le') return found.offset + 2 * index;
  const before = found.value.slice(0, index);
  return found.offset + (nonAscii.test(before) ? encoder.encode(before).length : index);
}
