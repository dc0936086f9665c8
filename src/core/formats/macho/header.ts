import { FormatError } from '../../io/errors';
import { MAX_LOAD_COMMANDS } from '../../io/limits';
import { ByteReader, hex } from '../../io/reader';
import { CPU_NAMES, FILE_TYPES, HEADER_FLAGS, HEADER_SIZE, MH_MAGIC, MH_MAGIC_64 } from './constants';

export interface MachHeader {
  bits: 32 | 64;
  littleEndian: boolean;
  cputype: number;
  cpusubtype: number;
  filetype: number;
  ncmds: number;
  sizeofcmds: number;
  flags: number;
  /** Where the load commands start. */
  size: number;
}

/**
 * Reads mach_header(_64). Null when the magic is not a thin Mach-O in either byte order; a FormatError when the
 * header is cut short or its command counts cannot be right.
 */
export function readMachHeader(bytes: Uint8Array): MachHeader | null {
  const probe = new ByteReader(bytes, true);
  if (!probe.has(0, 4)) return null;
  const layout = magicLayout(probe.u32(0));
  if (layout === null) return null;
  const reader = probe.withEndian(layout.littleEndian);
  const size = HEADER_SIZE[layout.bits];
  reader.check(0, size, 'Mach-O header');
  const header: MachHeader = {
    ...layout,
    cputype: reader.u32(4),
    cpusubtype: reader.u32(8),
    filetype: reader.u32(12),
    ncmds: reader.u32(16),
    sizeofcmds: reader.u32(20),
    flags: reader.u32(24),
    size,
  };
  if (header.ncmds > MAX_LOAD_COMMANDS) {
    throw new FormatError(16, `ncmds ${header.ncmds} is more than the ${MAX_LOAD_COMMANDS} this reader accepts`);
  }
  // Every command is at least 8 bytes, so a count that cannot fit in sizeofcmds is a broken header.
  if (header.ncmds * 8 > header.sizeofcmds) {
    throw new FormatError(20, `sizeofcmds ${hex(header.sizeofcmds)} cannot hold ${header.ncmds} load commands`);
  }
  reader.check(size, header.sizeofcmds, 'load commands');
  return header;
}

/** The magic read little-endian tells both the word size and, by whether it comes out reversed, the byte order. */
function magicLayout(magicLE: number): { bits: 32 | 64; littleEndian: boolean } | null {
  const magicBE = swap32(magicLE);
  if (magicLE === MH_MAGIC_64) return { bits: 64, littleEndian: true };
  if (magicLE === MH_MAGIC) return { bits: 32, littleEndian: true };
  if (magicBE === MH_MAGIC_64) return { bits: 64, littleEndian: false };
  if (magicBE === MH_MAGIC) return { bits: 32, littleEndian: false };
  return null;
}

function swap32(value: number): number {
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

export function cpuName(cputype: number): string {
  return CPU_NAMES.get(cputype) ?? `cpu-${hex(cputype)}`;
}

/** The header facts shown to the user and read by hardening checks. */
export function headerFacts(header: MachHeader): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {
    cputype: cpuName(header.cputype),
    // The top byte of cpusubtype holds capability bits, not the subtype.
    cpusubtype: header.cpusubtype & 0x00ffffff,
    filetype: FILE_TYPES.get(header.filetype) ?? `filetype-${header.filetype}`,
    ncmds: header.ncmds,
    sizeofcmds: header.sizeofcmds,
    flags: hex(header.flags),
  };
  for (const [name, bit] of HEADER_FLAGS) facts[name] = (header.flags & bit) !== 0;
  return facts;
}
