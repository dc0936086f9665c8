import { FormatError, type Diagnostic } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import { LAYOUTS, type ElfLayout } from './layout';

/** The ELF file header with extended numbering already resolved. */
export interface ElfHeader {
  layout: ElfLayout;
  littleEndian: boolean;
  osabi: number;
  type: number;
  machine: number;
  entry: number;
  flags: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  shoff: number;
  shentsize: number;
  shnum: number;
  /** 0 (SHN_UNDEF) when the file names no section-name table. */
  shstrndx: number;
}

const EI_CLASS = 4;
const EI_DATA = 5;
const EI_OSABI = 7;
const ELFDATA2LSB = 1;
const ELFDATA2MSB = 2;
/** e_phnum value meaning "the real count is in section 0's sh_info". */
const PN_XNUM = 0xffff;
/** e_shstrndx value meaning "the real index is in section 0's sh_link". */
const SHN_XINDEX = 0xffff;

export function hasElfMagic(file: ByteReader): boolean {
  return file.has(0, 4) && file.u8(0) === 0x7f && file.u8(1) === 0x45 && file.u8(2) === 0x4c && file.u8(3) === 0x46;
}

/** Reads e_ident and the header proper; anything wrong here leaves nothing to read, so it throws. */
export function readHeader(file: ByteReader, diagnostics: Diagnostic[]): ElfHeader {
  const layout = LAYOUTS[file.u8(EI_CLASS)];
  if (!layout) throw new FormatError(EI_CLASS, `unknown ELF class ${file.u8(EI_CLASS)}`);
  const data = file.u8(EI_DATA);
  if (data !== ELFDATA2LSB && data !== ELFDATA2MSB) throw new FormatError(EI_DATA, `unknown ELF data encoding ${data}`);
  const reader = file.withEndian(data === ELFDATA2LSB);
  const fields = layout.header;
  reader.check(0, fields.size, 'ELF header');
  const header: ElfHeader = {
    layout,
    littleEndian: reader.littleEndian,
    osabi: reader.u8(EI_OSABI),
    type: reader.u16(16),
    machine: reader.u16(18),
    entry: reader.word(fields.entry, layout.wordSize),
    flags: reader.u32(fields.flags),
    phoff: reader.word(fields.phoff, layout.wordSize),
    phentsize: reader.u16(fields.phentsize),
    phnum: reader.u16(fields.phnum),
    shoff: reader.word(fields.shoff, layout.wordSize),
    shentsize: reader.u16(fields.shentsize),
    shnum: reader.u16(fields.shnum),
    shstrndx: reader.u16(fields.shstrndx),
  };
  resolveExtendedNumbering(reader, header, diagnostics);
  return header;
}

/**
 * Files with 0xff00 or more sections (or 0xffff program headers) keep the real counts in the otherwise empty
 * section 0. When section 0 cannot be read the counts stay unknown: the tables they describe are dropped with a
 * diagnostic rather than guessed.
 */
function resolveExtendedNumbering(reader: ByteReader, header: ElfHeader, diagnostics: Diagnostic[]): void {
  const extended = header.shnum === 0 || header.shstrndx === SHN_XINDEX || header.phnum === PN_XNUM;
  if (header.shoff === 0 || !extended) return;
  const section = header.layout.section;
  if (!reader.has(header.shoff, section.size)) {
    diagnostics.push({
      level: 'error',
      source: 'elf',
      offset: header.shoff,
      message: `section 0 at ${hex(header.shoff)}, which holds the extended header counts, is outside the file`,
    });
    if (header.phnum === PN_XNUM) header.phnum = 0;
    header.shnum = 0;
    return;
  }
  const wordSize = header.layout.wordSize;
  if (header.shnum === 0) header.shnum = reader.word(header.shoff + section.sectionSize, wordSize);
  if (header.shstrndx === SHN_XINDEX) header.shstrndx = reader.u32(header.shoff + section.link);
  if (header.phnum === PN_XNUM) {
    header.phnum = reader.u32(header.shoff + section.info);
    // PN_XNUM is only for counts that do not fit e_phnum; a smaller one means the header was damaged.
    if (header.phnum < PN_XNUM) {
      diagnostics.push({
        level: 'warning',
        source: 'elf',
        offset: header.layout.header.phnum,
        message: `e_phnum says the count is in section 0, which gives ${header.phnum}`,
      });
    }
  }
}
