import { FormatError, guarded, type Diagnostic } from '../../io/errors';
import { MAX_SECTIONS } from '../../io/limits';
import { ByteReader } from '../../io/reader';
import type { ExeSection, SectionKind } from '../exe';
import type { ElfHeader } from './header';
import { sectionFlagLetters, sectionTypeName } from './names';
import { StringTable } from './strings';
import { readTable } from './table';

export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_HASH = 5;
export const SHT_DYNAMIC = 6;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;
export const SHT_SYMTAB_SHNDX = 18;
export const SHT_GNU_HASH = 0x6ffffff6;
export const SHT_GNU_VERDEF = 0x6ffffffd;
export const SHT_GNU_VERNEED = 0x6ffffffe;
export const SHT_GNU_VERSYM = 0x6fffffff;

const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
const SHF_EXECINSTR = 0x4;

/** One section header as the file has it. */
export interface RawSection {
  nameIndex: number;
  type: number;
  /** sh_flags in two 32-bit halves: no defined flag lives above bit 31. */
  flagsLow: number;
  flagsHigh: number;
  address: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

/** All section headers including the null section 0; an unreadable header is a null hole so indexes stay right. */
export function readSectionHeaders(
  reader: ByteReader,
  header: ElfHeader,
  diagnostics: Diagnostic[],
): (RawSection | null)[] {
  if (header.shoff === 0) return [];
  const layout = header.layout;
  const fields = layout.section;
  const spec = {
    what: 'section header table',
    offset: header.shoff,
    count: header.shnum,
    stride: header.shentsize,
    entrySize: fields.size,
    max: MAX_SECTIONS,
  };
  return readTable(
    reader,
    spec,
    (at) => {
      // The flags word is 8 bytes in ELF64; its low half comes first only in little-endian files.
      const highFirst = layout.wordSize === 8 && !reader.littleEndian;
      const flagsAt = at + fields.flags;
      return {
        nameIndex: reader.u32(at + fields.name),
        type: reader.u32(at + fields.type),
        flagsLow: reader.u32(highFirst ? flagsAt + 4 : flagsAt),
        flagsHigh: layout.wordSize === 8 ? reader.u32(highFirst ? flagsAt : flagsAt + 4) : 0,
        address: reader.word(at + fields.addr, layout.wordSize),
        offset: reader.word(at + fields.offset, layout.wordSize),
        size: reader.word(at + fields.sectionSize, layout.wordSize),
        link: reader.u32(at + fields.link),
        info: reader.u32(at + fields.info),
        addralign: reader.word(at + fields.addralign, layout.wordSize),
        entsize: reader.word(at + fields.entsize, layout.wordSize),
      };
    },
    diagnostics,
  );
}

/** The string table a section index points at (e_shstrndx, sh_link); a FormatError when it cannot be one. */
export function stringTableOf(
  reader: ByteReader,
  sections: readonly (RawSection | null)[],
  index: number,
  what: string,
): StringTable {
  const section = sections[index];
  if (index === 0 || !section) throw new FormatError(0, `${what}: section index ${index} names no readable section`);
  if (section.type === SHT_NOBITS) throw new FormatError(section.offset, `${what}: section ${index} has no file bytes`);
  return new StringTable(reader, section.offset, section.size, what);
}

/** Section names from e_shstrndx; '' without a name table, '<corrupt>' (as readelf prints) for a bad index. */
export function readSectionNames(
  reader: ByteReader,
  sections: readonly (RawSection | null)[],
  shstrndx: number,
  diagnostics: Diagnostic[],
): string[] {
  const table =
    shstrndx === 0
      ? null
      : guarded('elf', diagnostics, () => stringTableOf(reader, sections, shstrndx, 'section name table'), null);
  const names = sections.map((section) => (section && table ? (table.lookup(section.nameIndex) ?? '<corrupt>') : ''));
  table?.report(diagnostics, 'section names');
  return names;
}

const SYMBOL_SECTION_TYPES = new Set([
  SHT_SYMTAB,
  SHT_DYNSYM,
  SHT_HASH,
  SHT_GNU_HASH,
  SHT_SYMTAB_SHNDX,
  SHT_GNU_VERDEF,
  SHT_GNU_VERNEED,
  SHT_GNU_VERSYM,
]);
const DEBUG_PREFIXES = ['.debug_', '.zdebug_', '.gdb_index', '.stab'];

function sectionKind(name: string, raw: RawSection): SectionKind {
  if (raw.type === SHT_NOBITS) return 'bss';
  if (DEBUG_PREFIXES.some((prefix) => name.startsWith(prefix))) return 'debug';
  if (SYMBOL_SECTION_TYPES.has(raw.type) || (raw.type === SHT_STRTAB && name !== '.shstrtab')) return 'symbols';
  if (name === '.gosymtab') return 'symbols';
  if (raw.flagsLow & SHF_EXECINSTR) return 'code';
  if (!(raw.flagsLow & SHF_ALLOC)) return 'other';
  // Relro data is written once by the dynamic loader and read-only afterwards: Go's PIE pclntab lives there.
  if (name.startsWith('.data.rel.ro')) return 'rodata';
  return raw.flagsLow & SHF_WRITE ? 'data' : 'rodata';
}

export function describeSection(raw: RawSection, name: string, machine: number, osabi: number): ExeSection {
  return {
    name,
    type: sectionTypeName(raw.type, machine),
    kind: sectionKind(name, raw),
    address: raw.address,
    offset: raw.offset,
    size: raw.size,
    fileSize: raw.type === SHT_NOBITS ? 0 : raw.size,
    flags: sectionFlagLetters(raw.flagsLow, raw.flagsHigh, machine, osabi),
  };
}
