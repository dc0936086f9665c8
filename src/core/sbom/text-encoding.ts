import { FormatError } from '../io/errors';

/**
 * How an SBOM's text is encoded. JSON (RFC 8259) and XML both allow UTF-16 when a byte-order mark says so, and
 * some Windows tools write it that way; without this, such a document would be read as an unknown executable.
 */
export type SbomEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface SniffedText {
  encoding: SbomEncoding;
  /** Bytes of the byte-order mark (0, 2 or 3). */
  bomLength: number;
  /** The first character that is not whitespace, as a code unit; -1 when there is none. */
  firstChar: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isJsonOrXmlSpace(unit: number | undefined): boolean {
  return unit === SPACE || unit === TAB || unit === LF || unit === CR;
}

/** The code unit at a byte index (UTF-16 units are two bytes), or undefined past the end. */
function unitAt(bytes: Uint8Array, index: number, encoding: SbomEncoding): number | undefined {
  if (encoding === 'utf-8') return bytes[index];
  const first = bytes[index];
  const second = bytes[index + 1];
  if (first === undefined || second === undefined) return undefined;
  return encoding === 'utf-16le' ? first | (second << 8) : (first << 8) | second;
}

/** Reads the byte-order mark and the first significant character, without decoding the whole document. */
export function sniffText(bytes: Uint8Array): SniffedText {
  let encoding: SbomEncoding = 'utf-8';
  let bomLength = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bomLength = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, bomLength] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, bomLength] = ['utf-16be', 2];
  const step = encoding === 'utf-8' ? 1 : 2;
  let index = bomLength;
  while (isJsonOrXmlSpace(unitAt(bytes, index, encoding))) index += step;
  return { encoding, bomLength, firstChar: unitAt(bytes, index, encoding) ?? -1 };
}

/** The document's text, byte-order mark removed; a FormatError when the bytes are not valid in their encoding. */
export function decodeText(bytes: Uint8Array, encoding: SbomEncoding = sniffText(bytes).encoding): string {
  if (encoding !== 'utf-8' && bytes.length % 2 !== 0) {
    throw new FormatError(
      bytes.length - 1,
      `the document is not valid ${label(encoding)}: it ends in half a character`,
    );
  }
  try {
    // ignoreBOM: false (the default) drops the leading byte-order mark of the encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(0, `the document is not valid ${label(encoding)}`);
  }
}

export function label(encoding: SbomEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
}

/** Character index of a UTF-8 byte offset into text; used to move an error's offset into another encoding. */
function indexOfUtf8Offset(text: string, utf8Offset: number): number {
  let bytes = 0;
  let index = 0;
  while (index < text.length && bytes < utf8Offset) {
    const code = text.codePointAt(index) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += code < 0x10000 ? 1 : 2;
  }
  return index;
}

/**
 * The readers give UTF-8 byte offsets of the text; for a UTF-16 document the offset into the file is the BOM plus
 * two bytes per code unit (a JavaScript string index counts UTF-16 code units).
 */
export function fileOffsetOf(text: string, utf8Offset: number, sniffed: SniffedText): number {
  if (sniffed.encoding === 'utf-8') return utf8Offset + sniffed.bomLength;
  return sniffed.bomLength + 2 * indexOfUtf8Offset(text, utf8Offset);
}
