import { decodeUtf8 } from '../io/reader';

/**
 * Bytes of one string turned into its value. A run of text can be as long as the file (600 MB of 'A' is a valid
 * input), and JavaScript cannot hold a string past 2^29 characters: longer strings keep their offset and length
 * and show this much of their start. Go literals are capped lower (MAX_GO_STRING_LEN), so they always come whole.
 */
export const MAX_STRING_BYTES = 64 * 1024;

const utf16le = new TextDecoder('utf-16le');

export interface StringValue {
  value: string;
  truncated: boolean;
}

/** The value of [start, end) in the given encoding, cut at MAX_STRING_BYTES on a character boundary. */
export function stringValue(file: Uint8Array, start: number, end: number, encoding: string): StringValue {
  const truncated = end - start > MAX_STRING_BYTES;
  if (encoding === 'utf16le') {
    const stop = truncated ? start + MAX_STRING_BYTES : end;
    return { value: utf16le.decode(file.subarray(start, stop)), truncated };
  }
  let stop = truncated ? start + MAX_STRING_BYTES : end;
  // Never cut inside a UTF-8 sequence: step back over continuation bytes to the lead byte.
  if (truncated) while (stop > start && (file[stop]! & 0xc0) === 0x80) stop--;
  return { value: decodeUtf8(file.subarray(start, stop)), truncated };
}

/** Whether [start, end) of well-formed UTF-8 holds at least `count` characters, without decoding it. */
export function hasChars(file: Uint8Array, start: number, end: number, count: number, ascii: boolean): boolean {
  if (ascii || end - start >= 4 * count) return end - start >= count;
  let chars = 0;
  for (let at = start; at < end && chars < count; at++) if ((file[at]! & 0xc0) !== 0x80) chars++;
  return chars >= count;
}
