import { FormatError } from '../../io/errors';
import { ByteReader } from '../../io/reader';

/** "UPX!" read as a little-endian word. */
export const UPX_MAGIC = 0x21585055;
const PACK_HEADER_SIZE = 32;
/** UPX lets the last page be zero-filled (code signing): the header sits before up to this many zero bytes. */
const MAX_TRAILING_ZEROS = 2 * 4096 + 2 * 36;
const CHECKSUM_MODULUS = 251;

/** UPX's own numbers for the executable formats it packs (its PackHeader "format" byte). */
export const UPX_FORMATS: Record<number, string> = {
  9: 'Windows PE i386',
  10: 'Linux i386',
  12: 'Linux ELF i386',
  22: 'Linux ELF amd64',
  23: 'Linux ELF arm',
  29: 'Mach-O i386',
  32: 'Mach-O arm',
  34: 'Mach-O amd64',
  36: 'Windows PE amd64',
  37: 'Mach-O arm64',
  42: 'Linux ELF arm64',
};
export const UPX_F_LINUX_ELF64_AMD64 = 22;

/** The 32-byte PackHeader at the end of a packed file, and the overlay offset (where p_info sits) after it. */
export interface PackHeader {
  offset: number;
  version: number;
  format: number;
  method: number;
  level: number;
  uncompressedAdler: number;
  compressedAdler: number;
  uncompressedSize: number;
  compressedSize: number;
  filter: number;
  filterCto: number;
  overlayOffset: number;
}

/** Where the PackHeader starts: the last "UPX!" just before the trailing zeros. Null when there is none. */
function locate(file: Uint8Array): number | null {
  let end = file.length;
  const floor = Math.max(0, file.length - MAX_TRAILING_ZEROS);
  while (end > floor && file[end - 1] === 0) end--;
  const from = Math.max(0, end - (PACK_HEADER_SIZE + 4) - 1);
  for (let at = from; at + 4 <= end; at++) {
    if (file[at] === 0x55 && file[at + 1] === 0x50 && file[at + 2] === 0x58 && file[at + 3] === 0x21) return at;
  }
  return null;
}

/**
 * The PackHeader of a UPX-packed Unix executable, or null when the file has none (not packed by UPX, or its
 * marks were wiped). A header whose checksum or sizes are wrong is a FormatError.
 */
export function readPackHeader(file: Uint8Array): PackHeader | null {
  const at = locate(file);
  if (at === null) return null;
  const r = new ByteReader(file);
  r.check(at, PACK_HEADER_SIZE + 4, 'UPX PackHeader');
  let sum = 0;
  for (let i = 4; i < PACK_HEADER_SIZE - 1; i++) sum += r.u8(at + i);
  if (sum % CHECKSUM_MODULUS !== r.u8(at + PACK_HEADER_SIZE - 1)) {
    throw new FormatError(at, 'UPX PackHeader checksum does not match');
  }
  const header: PackHeader = {
    offset: at,
    version: r.u8(at + 4),
    format: r.u8(at + 5),
    method: r.u8(at + 6),
    level: r.u8(at + 7),
    uncompressedAdler: r.u32(at + 8),
    compressedAdler: r.u32(at + 12),
    uncompressedSize: r.u32(at + 16),
    compressedSize: r.u32(at + 20),
    filter: r.u8(at + 28),
    filterCto: r.u8(at + 29),
    overlayOffset: r.u32(at + PACK_HEADER_SIZE),
  };
  if (header.overlayOffset < 12 || header.overlayOffset >= at) {
    throw new FormatError(at + PACK_HEADER_SIZE, `UPX overlay offset ${header.overlayOffset} is outside the file`);
  }
  return header;
}

/** l_info (before the overlay offset) and p_info (at it): the loader's size, the original size, the block size. */
export interface PackInfo {
  loaderSize: number;
  originalSize: number;
  blockSize: number;
  /** Where the first b_info block header is. */
  firstBlock: number;
}

export function readPackInfo(file: Uint8Array, header: PackHeader): PackInfo {
  const r = new ByteReader(file);
  const lInfo = header.overlayOffset - 12;
  if (r.u32(lInfo + 4) !== UPX_MAGIC) throw new FormatError(lInfo, 'UPX l_info has no UPX! magic');
  const info: PackInfo = {
    loaderSize: r.u16(lInfo + 8),
    originalSize: r.u32(header.overlayOffset + 4),
    blockSize: r.u32(header.overlayOffset + 8),
    firstBlock: header.overlayOffset + 12,
  };
  if (info.originalSize < 64 || info.blockSize === 0 || info.blockSize > info.originalSize) {
    throw new FormatError(header.overlayOffset, `UPX p_info sizes ${info.originalSize}/${info.blockSize} are wrong`);
  }
  return info;
}
