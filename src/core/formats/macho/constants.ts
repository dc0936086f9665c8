// Numbers from Apple's <mach-o/loader.h>, <mach-o/fat.h>, <mach-o/nlist.h> and <mach/machine.h>, as tables so
// that a name is looked up rather than switched on.

export const MH_MAGIC = 0xfeedface;
export const MH_MAGIC_64 = 0xfeedfacf;
export const FAT_MAGIC = 0xcafebabe;
export const FAT_MAGIC_64 = 0xcafebabf;

/** Bytes of mach_header and mach_header_64 (the 64-bit one adds a reserved word). */
export const HEADER_SIZE = { 32: 28, 64: 32 } as const;

const CPU_ARCH_ABI64 = 0x01000000;
const CPU_ARCH_ABI64_32 = 0x02000000;

/** cputype → the arch name the Exe interface uses. */
export const CPU_NAMES: ReadonlyMap<number, string> = new Map([
  [7, 'i386'],
  [7 | CPU_ARCH_ABI64, 'x86_64'],
  [12, 'arm'],
  [12 | CPU_ARCH_ABI64, 'arm64'],
  [12 | CPU_ARCH_ABI64_32, 'arm64_32'],
  [18, 'ppc'],
  [18 | CPU_ARCH_ABI64, 'ppc64'],
]);

export const FILE_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'OBJECT'],
  [2, 'EXECUTE'],
  [3, 'FVMLIB'],
  [4, 'CORE'],
  [5, 'PRELOAD'],
  [6, 'DYLIB'],
  [7, 'DYLINKER'],
  [8, 'BUNDLE'],
  [9, 'DYLIB_STUB'],
  [10, 'DSYM'],
  [11, 'KEXT_BUNDLE'],
  [12, 'FILESET'],
]);

/** mach_header flags reported as booleans in Exe.header, by the name Apple gives them (without MH_). */
export const HEADER_FLAGS: readonly (readonly [string, number])[] = [
  ['NOUNDEFS', 0x1],
  ['DYLDLINK', 0x4],
  ['TWOLEVEL', 0x80],
  ['ALLOW_STACK_EXECUTION', 0x20000],
  ['PIE', 0x200000],
  ['NO_HEAP_EXECUTION', 0x1000000],
];
export const MH_TWOLEVEL = 0x80;

/** Commands that dyld must understand carry this bit. */
const LC_REQ_DYLD = 0x80000000;

export const LC = {
  SEGMENT: 0x1,
  SYMTAB: 0x2,
  UNIXTHREAD: 0x5,
  LOAD_DYLIB: 0xc,
  ID_DYLIB: 0xd,
  LOAD_DYLINKER: 0xe,
  LOAD_WEAK_DYLIB: (0x18 | LC_REQ_DYLD) >>> 0,
  SEGMENT_64: 0x19,
  UUID: 0x1b,
  RPATH: (0x1c | LC_REQ_DYLD) >>> 0,
  CODE_SIGNATURE: 0x1d,
  REEXPORT_DYLIB: (0x1f | LC_REQ_DYLD) >>> 0,
  LAZY_LOAD_DYLIB: 0x20,
  ENCRYPTION_INFO: 0x21,
  DYLD_INFO: 0x22,
  DYLD_INFO_ONLY: (0x22 | LC_REQ_DYLD) >>> 0,
  LOAD_UPWARD_DYLIB: (0x23 | LC_REQ_DYLD) >>> 0,
  VERSION_MIN_MACOSX: 0x24,
  VERSION_MIN_IPHONEOS: 0x25,
  MAIN: (0x28 | LC_REQ_DYLD) >>> 0,
  ENCRYPTION_INFO_64: 0x2c,
  VERSION_MIN_TVOS: 0x2f,
  VERSION_MIN_WATCHOS: 0x30,
  BUILD_VERSION: 0x32,
  DYLD_CHAINED_FIXUPS: (0x34 | LC_REQ_DYLD) >>> 0,
} as const;

/** LC_BUILD_VERSION platform numbers. */
export const PLATFORMS: ReadonlyMap<number, string> = new Map([
  [1, 'macos'],
  [2, 'ios'],
  [3, 'tvos'],
  [4, 'watchos'],
  [5, 'bridgeos'],
  [6, 'maccatalyst'],
  [7, 'iossimulator'],
  [8, 'tvossimulator'],
  [9, 'watchossimulator'],
  [10, 'driverkit'],
  [11, 'visionos'],
  [12, 'visionossimulator'],
]);

/** The older LC_VERSION_MIN_* commands name their platform by command number. */
export const VERSION_MIN_PLATFORMS: ReadonlyMap<number, string> = new Map([
  [LC.VERSION_MIN_MACOSX, 'macos'],
  [LC.VERSION_MIN_IPHONEOS, 'ios'],
  [LC.VERSION_MIN_TVOS, 'tvos'],
  [LC.VERSION_MIN_WATCHOS, 'watchos'],
]);

/** Section type is the low byte of section flags; the rest are attributes. */
export const SECTION_TYPE_MASK = 0xff;
export const SECTION_TYPES: readonly string[] = [
  'S_REGULAR',
  'S_ZEROFILL',
  'S_CSTRING_LITERALS',
  'S_4BYTE_LITERALS',
  'S_8BYTE_LITERALS',
  'S_LITERAL_POINTERS',
  'S_NON_LAZY_SYMBOL_POINTERS',
  'S_LAZY_SYMBOL_POINTERS',
  'S_SYMBOL_STUBS',
  'S_MOD_INIT_FUNC_POINTERS',
  'S_MOD_TERM_FUNC_POINTERS',
  'S_COALESCED',
  'S_GB_ZEROFILL',
  'S_INTERPOSING',
  'S_16BYTE_LITERALS',
  'S_DTRACE_DOF',
  'S_LAZY_DYLIB_SYMBOL_POINTERS',
  'S_THREAD_LOCAL_REGULAR',
  'S_THREAD_LOCAL_ZEROFILL',
  'S_THREAD_LOCAL_VARIABLES',
  'S_THREAD_LOCAL_VARIABLE_POINTERS',
  'S_THREAD_LOCAL_INIT_FUNCTION_POINTERS',
  'S_INIT_FUNC_OFFSETS',
];
/** Types whose bytes are not in the file. */
export const ZEROFILL_TYPES: ReadonlySet<string> = new Set(['S_ZEROFILL', 'S_GB_ZEROFILL', 'S_THREAD_LOCAL_ZEROFILL']);
export const S_ATTR_PURE_INSTRUCTIONS = 0x80000000;
export const S_ATTR_SOME_INSTRUCTIONS = 0x400;
export const S_ATTR_DEBUG = 0x02000000;

export const VM_PROT_READ = 1;
export const VM_PROT_WRITE = 2;
export const VM_PROT_EXECUTE = 4;

/** nlist n_type fields. */
export const N_STAB = 0xe0;
export const N_TYPE = 0x0e;
export const N_EXT = 0x01;
export const N_UNDF = 0x0;
export const N_SECT = 0xe;

/**
 * Where the program counter sits in the first thread state of LC_UNIXTHREAD, keyed by "cputype:flavor": byte
 * offset inside the state and its width.
 */
export const THREAD_PC: ReadonlyMap<string, { at: number; size: 4 | 8 }> = new Map([
  [`${7}:1`, { at: 10 * 4, size: 4 }], // x86_THREAD_STATE32: eip after eax..esp, ss, eflags
  [`${7 | CPU_ARCH_ABI64}:4`, { at: 16 * 8, size: 8 }], // x86_THREAD_STATE64: rip after rax..r15
  [`${12}:1`, { at: 15 * 4, size: 4 }], // ARM_THREAD_STATE: r15 is pc
  [`${12 | CPU_ARCH_ABI64}:6`, { at: 32 * 8, size: 8 }], // ARM_THREAD_STATE64: pc after x0..x28, fp, lr, sp
  [`${18}:1`, { at: 0, size: 4 }], // PPC_THREAD_STATE: srr0 comes first
  [`${18 | CPU_ARCH_ABI64}:5`, { at: 0, size: 8 }], // PPC_THREAD_STATE64
]);

/** Ordinal values in n_desc that do not name a library. */
export const SELF_LIBRARY_ORDINAL = 0;
export const MAX_LIBRARY_ORDINAL = 0xfd;
