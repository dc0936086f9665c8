// Readable names for ELF numbers, spelled the way `readelf -SW` / `readelf -lW` / `readelf -h` print them, so the
// user can hold our tables next to readelf's output.

export const EM_386 = 3;
export const EM_MIPS = 8;
export const EM_PPC = 20;
export const EM_PPC64 = 21;
export const EM_S390 = 22;
export const EM_ARM = 40;
export const EM_X86_64 = 62;
export const EM_AARCH64 = 183;
export const EM_RISCV = 243;
export const EM_LOONGARCH = 258;

const SECTION_TYPES: Record<number, string> = {
  0: 'NULL',
  1: 'PROGBITS',
  2: 'SYMTAB',
  3: 'STRTAB',
  4: 'RELA',
  5: 'HASH',
  6: 'DYNAMIC',
  7: 'NOTE',
  8: 'NOBITS',
  9: 'REL',
  10: 'SHLIB',
  11: 'DYNSYM',
  14: 'INIT_ARRAY',
  15: 'FINI_ARRAY',
  16: 'PREINIT_ARRAY',
  17: 'GROUP',
  18: 'SYMTAB SECTION INDICES',
  19: 'RELR',
  0x6ffffff5: 'GNU_ATTRIBUTES',
  0x6ffffff6: 'GNU_HASH',
  0x6ffffff7: 'GNU_LIBLIST',
  0x6ffffffd: 'VERDEF',
  0x6ffffffe: 'VERNEED',
  0x6fffffff: 'VERSYM',
  0x7ffffffd: 'AUXILIARY',
  0x7fffffff: 'FILTER',
};

/** Processor-specific section types (SHT_LOPROC..SHT_HIPROC) mean different things per machine. */
const MACHINE_SECTION_TYPES: Record<number, Record<number, string>> = {
  [EM_X86_64]: { 0x70000001: 'X86_64_UNWIND' },
  [EM_ARM]: { 0x70000001: 'ARM_EXIDX', 0x70000002: 'ARM_PREEMPTMAP', 0x70000003: 'ARM_ATTRIBUTES' },
  [EM_AARCH64]: { 0x70000003: 'AARCH64_ATTRIBUTES' },
  [EM_RISCV]: { 0x70000003: 'RISCV_ATTRIBUTES' },
  [EM_MIPS]: {
    0x70000000: 'MIPS_LIBLIST',
    0x70000006: 'MIPS_REGINFO',
    0x7000000d: 'MIPS_OPTIONS',
    0x7000001e: 'MIPS_DWARF',
    0x7000002a: 'MIPS_ABIFLAGS',
    0x7000002b: 'MIPS_XHASH',
  },
};

const SEGMENT_TYPES: Record<number, string> = {
  0: 'NULL',
  1: 'LOAD',
  2: 'DYNAMIC',
  3: 'INTERP',
  4: 'NOTE',
  5: 'SHLIB',
  6: 'PHDR',
  7: 'TLS',
  0x6474e550: 'GNU_EH_FRAME',
  0x6474e551: 'GNU_STACK',
  0x6474e552: 'GNU_RELRO',
  0x6474e553: 'GNU_PROPERTY',
  0x6474e554: 'GNU_SFRAME',
};

const MACHINE_SEGMENT_TYPES: Record<number, Record<number, string>> = {
  [EM_ARM]: { 0x70000001: 'EXIDX' },
  [EM_AARCH64]: { 0x70000002: 'AARCH64_MEMTAG_MTE' },
  [EM_RISCV]: { 0x70000003: 'RISCV_ATTRIBUTES' },
  [EM_MIPS]: { 0x70000000: 'REGINFO', 0x70000001: 'RTPROC', 0x70000002: 'OPTIONS', 0x70000003: 'ABIFLAGS' },
};

/** C's "%#x": a 0x prefix except for zero, which readelf's range names inherit ("LOOS+0", "LOOS+0x1"). */
function alternateHex(value: number): string {
  return value === 0 ? '0' : `0x${value.toString(16)}`;
}

/** readelf's spelling for numbers it has no name for: an offset into the OS, processor or user range. */
function rangeName(value: number): string | undefined {
  if (value >= 0x70000000 && value <= 0x7fffffff) return `LOPROC+${alternateHex(value - 0x70000000)}`;
  if (value >= 0x60000000 && value <= 0x6fffffff) return `LOOS+${alternateHex(value - 0x60000000)}`;
  return undefined;
}

export function sectionTypeName(type: number, machine: number): string {
  const named = MACHINE_SECTION_TYPES[machine]?.[type] ?? SECTION_TYPES[type] ?? rangeName(type);
  if (named) return named;
  if (type >= 0x80000000) return `LOUSER+${alternateHex(type - 0x80000000)}`;
  return `${type.toString(16).padStart(8, '0')}: <unknown>`;
}

/** readelf -lW cuts the type column at 14 characters; this is the whole name. */
export function segmentTypeName(type: number, machine: number): string {
  return (
    MACHINE_SEGMENT_TYPES[machine]?.[type] ??
    SEGMENT_TYPES[type] ??
    rangeName(type) ??
    `<unknown>: ${type.toString(16)}`
  );
}

const SHF_MASKOS = 0x0ff00000;
const SHF_MASKPROC = 0xf0000000;
const SHF_GNU_RETAIN = 0x00200000;
const SHF_GNU_MBIND = 0x01000000;
const ELFOSABI_NONE = 0;
const ELFOSABI_GNU = 3;
const ELFOSABI_FREEBSD = 9;

/** Generic flag letters by bit; readelf prints them in ascending bit order. */
const FLAG_LETTERS = new Map<number, string>([
  [0x1, 'W'],
  [0x2, 'A'],
  [0x4, 'X'],
  [0x10, 'M'],
  [0x20, 'S'],
  [0x40, 'I'],
  [0x80, 'L'],
  [0x100, 'O'],
  [0x200, 'G'],
  [0x400, 'T'],
  [0x800, 'C'],
  [0x80000000, 'E'],
]);

const MACHINE_FLAG_LETTERS: Record<number, Map<number, string>> = {
  [EM_X86_64]: new Map([[0x10000000, 'l']]),
  [EM_ARM]: new Map([[0x20000000, 'y']]),
};

/** The OS-range flags readelf names depend on EI_OSABI (binutils 2.40 takes MBIND under OSABI 0 as well). */
function osFlagLetter(flag: number, osabi: number): string | undefined {
  const gnuLike = osabi === ELFOSABI_GNU || osabi === ELFOSABI_FREEBSD;
  if (flag === SHF_GNU_RETAIN && gnuLike) return 'R';
  if (flag === SHF_GNU_MBIND && (gnuLike || osabi === ELFOSABI_NONE)) return 'D';
  return undefined;
}

/**
 * Section flags as readelf's letters. Flags come as two 32-bit halves because no defined flag lives above bit 31
 * and a 64-bit number would not survive a hostile value. Like readelf, the first unnamed OS or processor bit shows
 * as 'o' or 'p' and hides every later bit of its range (even 'E', which sits in the processor range); any other
 * unnamed bit is an 'x'.
 */
export function sectionFlagLetters(low: number, high: number, machine: number, osabi: number): string {
  let letters = '';
  let osHidden = false;
  let procHidden = false;
  for (let bit = 0; bit < 32; bit++) {
    if (((low >>> bit) & 1) === 0) continue;
    const flag = 2 ** bit;
    const inOs = (flag & SHF_MASKOS) !== 0;
    const inProc = (flag & SHF_MASKPROC) !== 0;
    if ((inOs && osHidden) || (inProc && procHidden)) continue;
    const known =
      FLAG_LETTERS.get(flag) ??
      MACHINE_FLAG_LETTERS[machine]?.get(flag) ??
      (inOs ? osFlagLetter(flag, osabi) : undefined);
    if (known) {
      letters += known;
    } else if (inOs) {
      letters += 'o';
      osHidden = true;
    } else if (inProc) {
      letters += 'p';
      procHidden = true;
    } else {
      letters += 'x';
    }
  }
  for (let bit = 0; bit < 32; bit++) if ((high >>> bit) & 1) letters += 'x';
  return letters;
}

const ELF_TYPES: Record<number, string> = { 0: 'NONE', 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };

export function elfTypeName(type: number): string {
  return ELF_TYPES[type] ?? `0x${type.toString(16)}`;
}

/** readelf -h's "Machine:" text. */
const MACHINE_NAMES: Record<number, string> = {
  0: 'None',
  2: 'Sparc',
  3: 'Intel 80386',
  8: 'MIPS R3000',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'IBM S/390',
  40: 'ARM',
  43: 'Sparc v9',
  62: 'Advanced Micro Devices X86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch',
};

export function machineName(machine: number): string {
  return MACHINE_NAMES[machine] ?? `<unknown>: 0x${machine.toString(16)}`;
}

interface ArchNames {
  bits32: string;
  bits64: string;
  littleSuffix?: string;
}

/** Go's GOARCH-style names; only MIPS and POWER spell out little-endian. */
const ARCH_NAMES: Record<number, ArchNames> = {
  [EM_386]: { bits32: 'i386', bits64: 'i386' },
  [EM_X86_64]: { bits32: 'x86_64', bits64: 'x86_64' },
  [EM_ARM]: { bits32: 'arm', bits64: 'arm' },
  [EM_AARCH64]: { bits32: 'arm64', bits64: 'arm64' },
  [EM_PPC]: { bits32: 'ppc', bits64: 'ppc64', littleSuffix: 'le' },
  [EM_PPC64]: { bits32: 'ppc64', bits64: 'ppc64', littleSuffix: 'le' },
  [EM_S390]: { bits32: 's390', bits64: 's390x' },
  [EM_MIPS]: { bits32: 'mips', bits64: 'mips64', littleSuffix: 'le' },
  [EM_RISCV]: { bits32: 'riscv32', bits64: 'riscv64' },
  [EM_LOONGARCH]: { bits32: 'loong32', bits64: 'loong64' },
  2: { bits32: 'sparc', bits64: 'sparc' },
  43: { bits32: 'sparc64', bits64: 'sparc64' },
};

export function archName(machine: number, bits: 32 | 64, littleEndian: boolean): string {
  const names = ARCH_NAMES[machine];
  if (!names) return `unknown-0x${machine.toString(16)}`;
  const base = bits === 64 ? names.bits64 : names.bits32;
  return littleEndian && names.littleSuffix ? base + names.littleSuffix : base;
}
