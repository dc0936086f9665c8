import type { Diagnostic } from '../io/errors';

/**
 * The small interface Go-specific code sees. ELF, PE and Mach-O readers each produce one; nothing outside
 * `formats/` looks at format-specific structures.
 */
export type ExeFormat = 'elf' | 'pe' | 'macho';

/** What a section holds, as far as Go analysis cares. */
export type SectionKind = 'code' | 'rodata' | 'data' | 'bss' | 'debug' | 'symbols' | 'other';

export interface ExeSection {
  name: string;
  /** Format-specific type, readable: "PROGBITS", "NOBITS", "CODE", "S_REGULAR", ... */
  type: string;
  kind: SectionKind;
  /** Virtual address (0 when not loaded). */
  address: number;
  /** File offset of the section's bytes. */
  offset: number;
  /** Size in memory. */
  size: number;
  /** Bytes actually present in the file (0 for NOBITS / BSS / zero-fill). */
  fileSize: number;
  /** Flags as the format's own tool shows them: "AX", "WA" for ELF; "R-X" style for PE and Mach-O. */
  flags: string;
  /** Mach-O segment name ("__TEXT"), empty elsewhere. */
  segment?: string;
}

export interface ExeSegment {
  /** "LOAD", "INTERP", "GNU_RELRO", ... for ELF; segment name for Mach-O; "" for PE (which has none). */
  type: string;
  address: number;
  offset: number;
  fileSize: number;
  memSize: number;
  readable: boolean;
  writable: boolean;
  executable: boolean;
}

export type SymbolKind = 'func' | 'object' | 'section' | 'file' | 'undefined' | 'other';

export interface ExeSymbol {
  name: string;
  address: number;
  size: number;
  kind: SymbolKind;
  /** True for symbols from the dynamic table (.dynsym) or imports. */
  dynamic: boolean;
  /** For imported symbols, the library or version they come from, when known ("GLIBC_2.34", "KERNEL32.dll"). */
  library?: string;
}

export interface ExeNote {
  /** "GNU", "Go", ... */
  owner: string;
  type: number;
  /** Readable name: "NT_GNU_BUILD_ID", "GO_BUILDID", ... */
  typeName: string;
  /** Hex for binary descriptors (GNU build-id), text for Go's build id. */
  value: string;
}

/** Dynamic linking facts; empty lists for static executables. */
export interface ExeLinkage {
  /** ELF PT_INTERP, e.g. "/lib64/ld-linux-x86-64.so.2"; Mach-O LC_LOAD_DYLINKER. */
  interpreter: string | null;
  /** DT_NEEDED, PE import DLLs, LC_LOAD_DYLIB paths. */
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** Versions needed from shared libraries (ELF .gnu.version_r), e.g. ["GLIBC_2.2.5", "GLIBC_2.34"]. */
  versionsNeeded: { library: string; version: string }[];
}

export interface Exe {
  format: ExeFormat;
  /** "x86_64", "i386", "arm64", "arm", "ppc64", "s390x", "riscv64", "mips", ... */
  arch: string;
  bits: 32 | 64;
  littleEndian: boolean;
  /** Entry point virtual address. */
  entry: number;
  /** PE: ImageBase; others 0. */
  imageBase: number;
  sections: ExeSection[];
  segments: ExeSegment[];
  /** All symbols (static and dynamic); empty when stripped. */
  symbols: ExeSymbol[];
  linkage: ExeLinkage;
  notes: ExeNote[];
  /** Format-specific header facts for display and hardening checks (e.g. ELF type "DYN", PE DllCharacteristics). */
  header: Record<string, string | number | boolean>;
  /** Problems met while reading; the rest of the Exe is what could be read. */
  diagnostics: Diagnostic[];
  /** The bytes of a section that has file contents, or null (NOBITS, out of file, unknown name). */
  sectionData(section: ExeSection): Uint8Array | null;
  /** Bytes at a virtual address, up to `size`, from whichever section or segment maps it; null when unmapped. */
  readAt(address: number, size: number): Uint8Array | null;
  /** File offset for a virtual address, or -1. */
  fileOffsetOf(address: number): number;
  /**
   * The pointer-sized word at a virtual address as the loader leaves it with the image at its preferred base:
   * ELF RELATIVE relocations, PE base relocations, Mach-O rebases and chained fixups applied. A word no
   * relocation touches reads as stored, and is null when not in the file (unmapped, zero-fill) or past 2^53.
   */
  pointerAt(address: number): number | null;
  /** Every slot the loader rebases, for scans over many words; empty when there are none. */
  pointerFixups: PointerFixups;
}

/**
 * Slots the loader fills with an address inside the image, ascending and without repeats. `targets[i]` is what
 * lands at `slots[i]` at the preferred base (ELF: the load address the file was linked for, often 0 for PIE).
 * Scans that walk words in address order pair them with a `FixupCursor` (formats/pointers.ts).
 */
export interface PointerFixups {
  slots: Float64Array;
  targets: Float64Array;
}

/** The result of format detection and parsing: one Exe, or several for a fat Mach-O. */
export interface ParsedFile {
  /** "elf", "pe", "macho", "macho-fat" */
  container: ExeFormat | 'macho-fat';
  exes: Exe[];
  /** For fat files: where each slice sits in the file. */
  sliceOffsets: number[];
  diagnostics: Diagnostic[];
}
