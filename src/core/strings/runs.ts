/**
 * A run of text bytes in the file: [start, end) in file offsets. Runs carry no decoded value: a run can be as long
 * as the file, and only a bounded part of it is ever turned into a string (see values.ts).
 */
export interface TextRun {
  start: number;
  end: number;
  encoding: 'ascii' | 'utf8' | 'utf16le' | 'go';
}

function isPrintable(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09;
}

/** Length of the well-formed UTF-8 sequence at `at` (2–4), or 0. Overlongs and surrogates are not text. */
function utf8SequenceLength(file: Uint8Array, at: number): number {
  const lead = file[at]!;
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || at + length > file.length) return 0;
  const second = file[at + 1]!;
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let i = 2; i < length; i++) if ((file[at + i]! & 0xc0) !== 0x80) return 0;
  return length;
}

// Byte classes for the scanner: 1 printable ASCII or tab, 2 a possible UTF-8 lead byte, 0 anything else.
const BYTE_CLASS = new Uint8Array(256).map((_, byte) => (isPrintable(byte) ? 1 : byte >= 0xc2 && byte <= 0xf4 ? 2 : 0));
// 1 for bytes no run can hold: not printable, not a UTF-8 lead byte, not a continuation byte (0x80-0xbf).
const NEVER_TEXT = BYTE_CLASS.map((kind, byte) => (kind === 0 && (byte < 0x80 || byte > 0xbf) ? 1 : 0));

/**
 * Printable ASCII / UTF-8 runs of at least `minLength` characters. A plain loop over the bytes: it classifies
 * each byte once through a table and decodes nothing, which is faster than decoding the whole file and running a
 * regex over it. Plain ASCII, most of any binary's text, takes a tight inner loop.
 */
export function scanTextRuns(file: Uint8Array, minLength: number, limit: number): TextRun[] {
  const runs: TextRun[] = [];
  const length = file.length;
  let at = 0;
  while (at < length && runs.length < limit) {
    // Skip what cannot start text. Machine code is full of would-be UTF-8 lead bytes; most are not followed by a
    // continuation byte, and rejecting those here keeps them out of the run bookkeeping below.
    while (at < length) {
      // A run of minLength characters spans at least minLength bytes, so a byte no run can hold, minLength - 1
      // ahead, rules out every long-enough run starting before it: jump past it. Most machine code goes this way.
      const ahead = at + minLength - 1;
      if (ahead < length && NEVER_TEXT[file[ahead]!] === 1) {
        at = ahead + 1;
        continue;
      }
      const kind = BYTE_CLASS[file[at]!];
      if (kind === 1 || (kind === 2 && (file[at + 1]! & 0xc0) === 0x80 && utf8SequenceLength(file, at) > 0)) break;
      at++;
    }
    const start = at;
    let chars = 0;
    let multibyte = false;
    for (;;) {
      const asciiStart = at;
      while (at < length && BYTE_CLASS[file[at]!] === 1) at++;
      chars += at - asciiStart;
      if (at >= length || BYTE_CLASS[file[at]!] !== 2) break;
      const step = utf8SequenceLength(file, at);
      if (step === 0) break;
      multibyte = true;
      chars++;
      at += step;
    }
    if (chars >= minLength) runs.push({ start, end: at, encoding: multibyte ? 'utf8' : 'ascii' });
    // A lead byte without its continuation bytes starts no run: step past it.
    if (at === start) at++;
  }
  return runs;
}

/** Printable UTF-16LE runs (PE resources and Windows API strings), at least `minLength` characters. */
export function scanUtf16Runs(file: Uint8Array, minLength: number, limit: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const parity of [0, 1]) {
    let start = -1;
    for (let at = parity; at + 1 < file.length + 2 && runs.length < limit; at += 2) {
      const text = at + 1 < file.length && file[at + 1] === 0 && isPrintable(file[at]!);
      if (text && start < 0) start = at;
      if (text || start < 0) continue;
      if ((at - start) / 2 >= minLength) runs.push({ start, end: at, encoding: 'utf16le' });
      start = -1;
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}
