import { guarded, FormatError, type Diagnostic } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import { MAX_SECTIONS } from '../../io/limits';
import type { ExeSection, SectionKind } from '../exe';
import type { CoffHeader } from './headers';
import { stringAt, type StringTable } from './string-table';
import {
  hex32,
  SCN_CNT_CODE,
  SCN_CNT_INITIALIZED_DATA,
  SCN_CNT_UNINITIALIZED_DATA,
  SCN_MEM_EXECUTE,
  SCN_MEM_READ,
  SCN_MEM_WRITE,
} from './names';

/** A PE section as the Exe interface shows it, plus the raw Characteristics for bits we do not name. */
export interface PeSection extends ExeSection {
  /** Characteristics as 8-digit hex, e.g. "0x60000020". */
  characteristics: string;
}

/** A section header as read, before it is turned into an ExeSection. */
export interface SectionHeader {
  name: string;
  virtualSize: number;
  virtualAddress: number;
  sizeOfRawData: number;
  pointerToRawData: number;
  characteristics: number;
}

const SECTION_HEADER_SIZE = 40;

/** The section table is what makes the file usable at all, so a table that is not there is a FormatError. */
export function readSectionHeaders(
  reader: ByteReader,
  coff: CoffHeader,
  strings: StringTable | null,
  diagnostics: Diagnostic[],
): SectionHeader[] {
  const count = coff.numberOfSections;
  if (count > MAX_SECTIONS) throw new FormatError(coff.offset + 2, `COFF header claims ${count} sections`);
  reader.check(coff.sectionTableOffset, count * SECTION_HEADER_SIZE, 'section table');
  const headers: SectionHeader[] = [];
  for (let i = 0; i < count; i++) {
    const at = coff.sectionTableOffset + i * SECTION_HEADER_SIZE;
    headers.push({
      name: sectionName(reader, at, strings, diagnostics),
      virtualSize: reader.u32(at + 8),
      virtualAddress: reader.u32(at + 12),
      sizeOfRawData: reader.u32(at + 16),
      pointerToRawData: reader.u32(at + 20),
      characteristics: reader.u32(at + 36),
    });
  }
  return headers;
}

/**
 * Names longer than 8 bytes are stored as "/<decimal offset>" into the COFF string table; Go's linker does this
 * for its .debug_* and .zdebug_* sections. When the offset cannot be resolved the raw "/4" is kept, so the
 * section still shows up.
 */
function sectionName(reader: ByteReader, at: number, strings: StringTable | null, diagnostics: Diagnostic[]): string {
  const raw = reader.fixedString(at, 8);
  if (!/^\/\d{1,7}$/.test(raw)) return raw;
  return guarded('pe', diagnostics, () => stringAt(reader, strings, Number(raw.slice(1)), at), raw);
}

/**
 * Bytes of the file that the loader maps: raw data beyond VirtualSize is file-alignment padding and memory
 * beyond SizeOfRawData is zero-fill. This equals the size `objdump -h` prints; VirtualSize is 0 in object files,
 * where SizeOfRawData is the whole story.
 */
export function mappedFileSize(header: SectionHeader): number {
  if (header.pointerToRawData === 0) return 0;
  return header.virtualSize === 0 ? header.sizeOfRawData : Math.min(header.sizeOfRawData, header.virtualSize);
}

export function toExeSection(header: SectionHeader, imageBase: number): PeSection {
  return {
    name: header.name,
    type: sectionType(header.characteristics),
    kind: sectionKind(header.name, header.characteristics),
    address: imageBase + header.virtualAddress,
    offset: header.pointerToRawData,
    // Go's debug/pe reports VirtualSize, which includes zero-fill (Go's .data carries its .bss this way).
    size: header.virtualSize || header.sizeOfRawData,
    fileSize: mappedFileSize(header),
    flags: sectionFlags(header.characteristics),
    characteristics: hex32(header.characteristics),
  };
}

function has(characteristics: number, flag: number): boolean {
  return (characteristics & flag) !== 0;
}

function sectionType(characteristics: number): string {
  if (has(characteristics, SCN_CNT_CODE)) return 'CODE';
  if (has(characteristics, SCN_CNT_INITIALIZED_DATA)) return 'INITIALIZED_DATA';
  if (has(characteristics, SCN_CNT_UNINITIALIZED_DATA)) return 'UNINITIALIZED_DATA';
  return 'OTHER';
}

function sectionFlags(characteristics: number): string {
  return (
    (has(characteristics, SCN_MEM_READ) ? 'R' : '-') +
    (has(characteristics, SCN_MEM_WRITE) ? 'W' : '-') +
    (has(characteristics, SCN_MEM_EXECUTE) ? 'X' : '-')
  );
}

/** Names first (they say what a Go linker meant), characteristics for sections we do not know by name. */
const KIND_BY_NAME: readonly (readonly [RegExp, SectionKind])[] = [
  [/^\.z?debug_/, 'debug'],
  [/^\.symtab$/, 'symbols'],
  [/^\.text$/, 'code'],
  [/^\.rdata$/, 'rodata'],
  [/^\.data$/, 'data'],
  [/^\.bss$/, 'bss'],
  [/^\.(reloc|rsrc)$/, 'other'],
];

function sectionKind(name: string, characteristics: number): SectionKind {
  const named = KIND_BY_NAME.find(([pattern]) => pattern.test(name));
  if (named) return named[1];
  if (has(characteristics, SCN_CNT_CODE) || has(characteristics, SCN_MEM_EXECUTE)) return 'code';
  if (has(characteristics, SCN_CNT_UNINITIALIZED_DATA)) return 'bss';
  if (has(characteristics, SCN_CNT_INITIALIZED_DATA)) {
    return has(characteristics, SCN_MEM_WRITE) ? 'data' : 'rodata';
  }
  return 'other';
}
