import { FormatError } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import { MAX_DATA_DIRECTORIES } from './limits';

/** The COFF file header that follows the "PE\0\0" signature. */
export interface CoffHeader {
  /** File offset of the COFF header itself (just after the signature). */
  offset: number;
  machine: number;
  numberOfSections: number;
  timeDateStamp: number;
  pointerToSymbolTable: number;
  numberOfSymbols: number;
  sizeOfOptionalHeader: number;
  characteristics: number;
  /** File offset of the section table. */
  sectionTableOffset: number;
}

export interface DataDirectory {
  rva: number;
  size: number;
}

export interface OptionalHeader {
  magic: 'PE32' | 'PE32+' | 'ROM';
  bits: 32 | 64;
  addressOfEntryPoint: number;
  imageBase: number;
  osVersion: string;
  subsystemVersion: string;
  sizeOfHeaders: number;
  checksum: number;
  subsystem: number;
  dllCharacteristics: number;
  directories: DataDirectory[];
  /** File offset of the first data directory entry, so errors about a directory can point at it. */
  directoriesOffset: number;
}

const DOS_MAGIC = 0x5a4d; // "MZ"
const PE_SIGNATURE = 0x0000_4550; // "PE\0\0"
const E_LFANEW = 0x3c;
const COFF_HEADER_SIZE = 20;
const ROM_MAGIC = 0x107;
const ROM_HEADER_SIZE = 56;

/** Where the ImageBase and the data directories sit, per optional-header magic. */
interface OptionalLayout {
  magic: 'PE32' | 'PE32+';
  bits: 32 | 64;
  imageBase: number;
  rvaCount: number;
  directories: number;
}

const LAYOUTS: Record<number, OptionalLayout> = {
  0x10b: { magic: 'PE32', bits: 32, imageBase: 28, rvaCount: 92, directories: 96 },
  0x20b: { magic: 'PE32+', bits: 64, imageBase: 24, rvaCount: 108, directories: 112 },
};

/**
 * The file offset of the COFF header, or null when the bytes are not a PE image. An e_lfanew that points past
 * the end is "not PE" too: a plain DOS executable has arbitrary bytes there, so nothing proves a PE was meant.
 */
export function locateCoffHeader(reader: ByteReader): number | null {
  if (!reader.has(0, E_LFANEW + 4) || reader.u16(0) !== DOS_MAGIC) return null;
  const lfanew = reader.u32(E_LFANEW);
  if (!reader.has(lfanew, 4) || reader.u32(lfanew) !== PE_SIGNATURE) return null;
  return lfanew + 4;
}

export function readCoffHeader(reader: ByteReader, offset: number): CoffHeader {
  reader.check(offset, COFF_HEADER_SIZE, 'COFF header');
  const sizeOfOptionalHeader = reader.u16(offset + 16);
  return {
    offset,
    machine: reader.u16(offset),
    numberOfSections: reader.u16(offset + 2),
    timeDateStamp: reader.u32(offset + 4),
    pointerToSymbolTable: reader.u32(offset + 8),
    numberOfSymbols: reader.u32(offset + 12),
    sizeOfOptionalHeader,
    characteristics: reader.u16(offset + 18),
    sectionTableOffset: offset + COFF_HEADER_SIZE + sizeOfOptionalHeader,
  };
}

/** Reads the optional header; an unknown magic or a header too short for its own fields is unusable. */
export function readOptionalHeader(reader: ByteReader, coff: CoffHeader): OptionalHeader {
  const start = coff.offset + COFF_HEADER_SIZE;
  const size = coff.sizeOfOptionalHeader;
  if (size < 2) throw new FormatError(start, 'PE image has no optional header');
  reader.check(start, size, 'optional header');
  const magic = reader.u16(start);
  if (magic === ROM_MAGIC) return readRomHeader(reader, start, size);
  const layout = LAYOUTS[magic];
  if (!layout) throw new FormatError(start, `unknown optional header magic ${hex(magic)}`);
  if (size < layout.directories) {
    throw new FormatError(start, `${layout.magic} optional header is ${size} bytes, needs ${layout.directories}`);
  }
  const version = (at: number): string => `${reader.u16(start + at)}.${reader.u16(start + at + 2)}`;
  return {
    magic: layout.magic,
    bits: layout.bits,
    addressOfEntryPoint: reader.u32(start + 16),
    imageBase: reader.word(start + layout.imageBase, layout.bits / 8),
    osVersion: version(40),
    subsystemVersion: version(48),
    sizeOfHeaders: reader.u32(start + 60),
    checksum: reader.u32(start + 64),
    subsystem: reader.u16(start + 68),
    dllCharacteristics: reader.u16(start + 70),
    directories: readDirectories(reader, start, size, layout),
    directoriesOffset: start + layout.directories,
  };
}

/**
 * NumberOfRvaAndSizes is trusted only as far as the optional header holds entries and the specification defines
 * them: the loader ignores the rest, and a hostile count must not walk into the section table.
 */
function readDirectories(reader: ByteReader, start: number, size: number, layout: OptionalLayout): DataDirectory[] {
  const declared = reader.u32(start + layout.rvaCount);
  const fits = Math.floor((size - layout.directories) / 8);
  const count = Math.min(declared, fits, MAX_DATA_DIRECTORIES);
  const directories: DataDirectory[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + layout.directories + i * 8;
    directories.push({ rva: reader.u32(at), size: reader.u32(at + 4) });
  }
  return directories;
}

/** ROM images have no ImageBase, subsystem or data directories; we keep what they do have. */
function readRomHeader(reader: ByteReader, start: number, size: number): OptionalHeader {
  if (size < ROM_HEADER_SIZE) throw new FormatError(start, `ROM optional header is ${size} bytes`);
  return {
    magic: 'ROM',
    bits: 32,
    addressOfEntryPoint: reader.u32(start + 16),
    imageBase: 0,
    osVersion: '',
    subsystemVersion: '',
    sizeOfHeaders: 0,
    checksum: 0,
    subsystem: 0,
    dllCharacteristics: 0,
    directories: [],
    directoriesOffset: start,
  };
}

export function directory(optional: OptionalHeader, index: number): DataDirectory | null {
  const entry = optional.directories[index];
  return entry && entry.size > 0 && entry.rva !== 0 ? entry : null;
}
