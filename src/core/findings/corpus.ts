import type { FoundString } from '../report/types';

/** One regex match inside one found string, with the file offset where the match starts. */
export interface CorpusMatch {
  match: RegExpExecArray;
  string: FoundString;
  /** File offset of the first character of the match. */
  offset: number;
}

// Separates strings in the joined text; no rule pattern matches it, so no match spans two strings.
const SEPARATOR = '\u0000';
const encoder = new TextEncoder();
const nonAscii = /[\u0080-\uffff]/;

/**
 * All found strings joined into one text, so each rule pattern runs once over the whole binary instead of once
 * per string. Matches are mapped back to their string and file offset.
 */
export class StringCorpus {
  readonly text: string;
  private readonly starts: number[];

  constructor(readonly strings: FoundString[]) {
    this.starts = new Array<number>(strings.length);
    let at = 0;
    const parts: string[] = new Array<string>(strings.length);
    strings.forEach((found, i) => {
      this.starts[i] = at;
      parts[i] = found.value;
      at += found.value.length + SEPARATOR.length;
    });
    this.text = parts.join(SEPARATOR);
  }

  /** Every match of a global pattern, mapped to its string and file offset. */
  *matches(pattern: RegExp): Generator<CorpusMatch> {
    const global = pattern.global
      ? new RegExp(pattern.source, pattern.flags)
      : new RegExp(pattern.source, `${pattern.flags}g`);
    for (let match = global.exec(this.text); match; match = global.exec(this.text)) {
      if (match[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      const index = this.stringIndexAt(match.index);
      const found = this.strings[index]!;
      yield { match, string: found, offset: fileOffset(found, match.index - this.starts[index]!) };
    }
  }

  /** File offset of the first occurrence of `needle` inside one string, or null. */
  find(needle: string): number | null {
    if (needle.length === 0) return null;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      const index = this.stringIndexAt(at);
      if (at + needle.length <= this.starts[index]! + this.strings[index]!.value.length) return this.offsetOf(at);
    }
    return null;
  }

  /** File offset of character `at` (an index into the joined text). */
  offsetOf(at: number): number {
    const index = this.stringIndexAt(at);
    return fileOffset(this.strings[index]!, at - this.starts[index]!);
  }

  private stringIndexAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** File offset of character `index` of a found string, given how its bytes were decoded. */
function fileOffset(found: FoundString, index: number): number {
  if (found.encoding === 'utf16le') return found.offset + 2 * index;
  const before = found.value.slice(0, index);
  return found.offset + (nonAscii.test(before) ? encoder.encode(before).length : index);
}
