/**
 * Where each field sits in the ELF structures, per class. The 32- and 64-bit layouts differ in field order, not just
 * width (the 64-bit program header moves p_flags up next to p_type), so a table beats arithmetic on word sizes.
 */
export interface ElfLayout {
  bits: 32 | 64;
  wordSize: 4 | 8;
  header: {
    size: number;
    entry: number;
    phoff: number;
    shoff: number;
    flags: number;
    phentsize: number;
    phnum: number;
    shentsize: number;
    shnum: number;
    shstrndx: number;
  };
  section: {
    size: number;
    name: number;
    type: number;
    flags: number;
    addr: number;
    offset: number;
    sectionSize: number;
    link: number;
    info: number;
    addralign: number;
    entsize: number;
  };
  segment: {
    size: number;
    type: number;
    flags: number;
    offset: number;
    vaddr: number;
    filesz: number;
    memsz: number;
    align: number;
  };
  symbol: { size: number; name: number; value: number; symbolSize: number; info: number; shndx: number };
  dynamic: { size: number; value: number };
}

const LAYOUT_32: ElfLayout = {
  bits: 32,
  wordSize: 4,
  header: {
    size: 52,
    entry: 24,
    phoff: 28,
    shoff: 32,
    flags: 36,
    phentsize: 42,
    phnum: 44,
    shentsize: 46,
    shnum: 48,
    shstrndx: 50,
  },
  section: {
    size: 40,
    name: 0,
    type: 4,
    flags: 8,
    addr: 12,
    offset: 16,
    sectionSize: 20,
    link: 24,
    info: 28,
    addralign: 32,
    entsize: 36,
  },
  segment: { size: 32, type: 0, offset: 4, vaddr: 8, filesz: 16, memsz: 20, flags: 24, align: 28 },
  symbol: { size: 16, name: 0, value: 4, symbolSize: 8, info: 12, shndx: 14 },
  dynamic: { size: 8, value: 4 },
};

const LAYOUT_64: ElfLayout = {
  bits: 64,
  wordSize: 8,
  header: {
    size: 64,
    entry: 24,
    phoff: 32,
    shoff: 40,
    flags: 48,
    phentsize: 54,
    phnum: 56,
    shentsize: 58,
    shnum: 60,
    shstrndx: 62,
  },
  section: {
    size: 64,
    name: 0,
    type: 4,
    flags: 8,
    addr: 16,
    offset: 24,
    sectionSize: 32,
    link: 40,
    info: 44,
    addralign: 48,
    entsize: 56,
  },
  segment: { size: 56, type: 0, flags: 4, offset: 8, vaddr: 16, filesz: 32, memsz: 40, align: 48 },
  symbol: { size: 24, name: 0, info: 4, shndx: 6, value: 8, symbolSize: 16 },
  dynamic: { size: 16, value: 8 },
};

/** Keyed by EI_CLASS (1 = ELFCLASS32, 2 = ELFCLASS64). */
export const LAYOUTS: Record<number, ElfLayout> = { 1: LAYOUT_32, 2: LAYOUT_64 };
