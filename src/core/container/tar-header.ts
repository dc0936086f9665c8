import { FormatError } from '../io/errors';

/** Tar works in blocks of this many bytes: headers are one block, data is padded to whole blocks. */
export const TAR_BLOCK = 512;

/**
 * The largest entry size accepted. Image layers hold files of gigabytes at most; a header claiming more is damage
 * (a flipped base-256 size can claim 2^90 bytes) and fails at once instead of waiting on data that never comes.
 */
export const MAX_TAR_ENTRY_BYTES = 2 ** 40;

/** PAX records and GNU long names are read whole into memory: this bounds them. */
export const MAX_TAR_EXTENDED_BYTES = 1024 * 1024;

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** The kinds of header a tar stream holds: entries, and the extended headers that name the next entry. */
export type HeaderKind = TarEntryType | 'pax' | 'pax-global' | 'gnu-long-name' | 'gnu-long-link';

export interface TarHeader {
  kind: HeaderKind;
  name: string;
  linkName: string;
  size: number;
  mode: number;
}

const utf8 = new TextDecoder('utf-8');

const KINDS: Record<string, HeaderKind> = {
  '0': 'file',
  '\0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'directory',
  x: 'pax',
  g: 'pax-global',
  L: 'gnu-long-name',
  K: 'gnu-long-link',
};

/** Text up to the first NUL inside [start, start + length) of one header block. */
function field(block: Uint8Array, start: number, length: number): string {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return utf8.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** A numeric field: octal digits (space or NUL padded), or GNU's base-256 form flagged by the top bit. */
function number(block: Uint8Array, start: number, length: number, at: number, what: string): number {
  const bytes = block.subarray(start, start + length);
  if ((bytes[0]! & 0x80) !== 0) {
    if ((bytes[0]! & 0x40) !== 0) throw new FormatError(at + start, `tar ${what} is negative`);
    let value = bytes[0]! & 0x3f;
    for (const byte of bytes.subarray(1)) {
      value = value * 256 + byte;
      if (value > Number.MAX_SAFE_INTEGER) throw new FormatError(at + start, `tar ${what} is too large`);
    }
    return value;
  }
  const text = field(block, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new FormatError(at + start, `tar ${what} is not an octal number: "${text}"`);
  return parseInt(text, 8);
}

/** The header checksum: the sum of its bytes with the checksum field itself counted as spaces. */
function checksumOf(block: Uint8Array): { unsigned: number; signed: number } {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : block[i]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return { unsigned, signed };
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < TAR_BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/**
 * Decodes one 512-byte header block found at stream offset `at`. The checksum is checked first: a block that
 * fails it is not a header, and reading names out of it would only spread the damage.
 */
export function decodeHeader(block: Uint8Array, at: number): TarHeader {
  if (block.length !== TAR_BLOCK) throw new FormatError(at, 'tar header is not a whole block');
  const stored = number(block, 148, 8, at, 'header checksum');
  const sums = checksumOf(block);
  if (stored !== sums.unsigned && stored !== sums.signed)
    throw new FormatError(at, `tar header checksum is ${stored}, the header sums to ${sums.unsigned}`);
  const size = number(block, 124, 12, at, 'entry size');
  if (size > MAX_TAR_ENTRY_BYTES) throw new FormatError(at + 124, `tar entry claims ${size} bytes`);
  const typeFlag = String.fromCharCode(block[156]!);
  const kind = KINDS[typeFlag] ?? 'other';
  // POSIX ustar splits long names into a prefix and a name; GNU's old format uses those bytes for other things.
  const ustar = field(block, 257, 6) === 'ustar' && block[263] === 0x30;
  const prefix = ustar ? field(block, 345, 155) : '';
  const name = field(block, 0, 100);
  return {
    kind,
    name: prefix ? `${prefix}/${name}` : name,
    linkName: field(block, 157, 100),
    // Hard links, symlinks and directories carry no data whatever the size field says.
    size: kind === 'hardlink' || kind === 'symlink' || kind === 'directory' ? 0 : size,
    mode: number(block, 100, 8, at, 'mode'),
  };
}

/** The fields of one PAX extended header ("LEN key=value\n" records) that name or size the next entry. */
export function parsePax(data: Uint8Array, at: number): Map<string, string> {
  const fields = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0 || space - offset > 20) throw new FormatError(at + offset, 'PAX record has no length');
    const lengthText = utf8.decode(data.subarray(offset, space));
    if (!/^[0-9]+$/.test(lengthText)) throw new FormatError(at + offset, 'PAX record length is not a number');
    const length = Number(lengthText);
    if (length <= space - offset + 1 || offset + length > data.length || data[offset + length - 1] !== 0x0a)
      throw new FormatError(at + offset, `PAX record of ${length} bytes does not fit its header`);
    const record = utf8.decode(data.subarray(space + 1, offset + length - 1));
    const equals = record.indexOf('=');
    if (equals <= 0) throw new FormatError(at + offset, 'PAX record has no key');
    fields.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return fields;
}

/** A PAX size overrides the header's (for files over 8 GiB); it must be a plain decimal within the limit. */
export function paxSize(text: string, at: number): number {
  if (!/^[0-9]{1,16}$/.test(text)) throw new FormatError(at, `PAX size "${text.slice(0, 40)}" is not a number`);
  const size = Number(text);
  if (size > MAX_TAR_ENTRY_BYTES) throw new FormatError(at, `tar entry claims ${size} bytes`);
  return size;
}

/** A GNU long name or link: the data up to its NUL. */
export function gnuLongText(data: Uint8Array): string {
  const end = data.indexOf(0);
  return utf8.decode(end < 0 ? data : data.subarray(0, end));
}
