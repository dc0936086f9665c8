import type { FileFormat, Severity, Verdict, VulnerabilityMatch } from '../report/types';

/**
 * The comparison of two analysed files, A (before, left) and B (after, right). Plain JSON-safe data: the CLI's
 * `compare --json` prints exactly this object and the app's "Two binaries" screen renders it. Every list here
 * describes B relative to A: "added" is in B only, "removed" in A only.
 */
export const COMPARISON_SCHEMA_VERSION = 1;

/** Longest list of added or removed strings kept; the counts are always complete. */
export const STRING_LIST_LIMIT = 200;
/** Longest list of added or removed function names kept; the counts are always complete. */
export const FUNCTION_LIST_LIMIT = 1000;

/** Who the file is, enough to tell the two apart and to paste into a ticket. */
export interface FileIdentity {
  name: string;
  size: number;
  sha256: string;
  format: FileFormat;
  arch: string | null;
  goVersion: string | null;
}

/** A list that may have been cut: `count` is the full number, `items` at most the named limit. */
export interface CappedList<T> {
  count: number;
  items: T[];
  /** True when `items` holds fewer than `count`. */
  truncated: boolean;
}

/** One value that is on both sides but not equal. */
export interface Change<T> {
  before: T;
  after: T;
}

export interface SettingChange {
  key: string;
  /** null when the setting is absent on that side. */
  before: string | null;
  after: string | null;
}

export interface ModuleState {
  version: string;
  sum: string;
  /** "path@version" of the replacement, or null. */
  replace: string | null;
}

export interface ModuleChange {
  path: string;
  /** null when the module is absent on that side. */
  before: ModuleState | null;
  after: ModuleState | null;
  /** Which parts changed: "version", "sum", "replace"; "added" or "removed" for one-sided modules. */
  what: string[];
}

export interface SectionSize {
  name: string;
  size: number;
}

export interface SectionResize {
  name: string;
  sizeA: number;
  sizeB: number;
  /** sizeB − sizeA */
  delta: number;
}

export interface SymbolCounts {
  total: number;
  dynamic: number;
  goFunctions: number;
}

export interface FindingDelta {
  id: string;
  severity: Severity;
  title: string;
  /** The evidence value (masked when secret), or "" for a finding without evidence. */
  value: string;
}

export interface VerdictChange {
  id: string;
  group: Verdict['group'];
  label: string;
  /** null when the verdict is absent on that side. */
  before: { status: Verdict['status']; value: string } | null;
  after: { status: Verdict['status']; value: string } | null;
}

/** Where the first differing bytes of a section are: offsets inside the section and in each file. */
export interface DifferenceRun {
  /** Offset from the section's start. */
  offset: number;
  /** Bytes in the run of consecutive differing bytes starting at `offset`. */
  length: number;
  fileOffsetA: number;
  fileOffsetB: number;
}

/** A loaded section present in both files, compared by its contents (not by where it sits in the file). */
export interface SectionContentComparison {
  name: string;
  sizeA: number;
  sizeB: number;
  sha256A: string;
  sha256B: string;
  identical: boolean;
  /** Positions that differ in the common length, plus the size difference; 0 when identical. */
  differingBytes: number;
  firstDifference?: DifferenceRun;
}

/** Whether the code and data the program runs with are the same bytes. */
export interface CodeComparison {
  /** null when nothing could be compared (not executables, or different format or architecture). */
  identical: boolean | null;
  /** Why nothing was compared, when `identical` is null. */
  reason?: string;
  sections: SectionContentComparison[];
  /** Sum of differingBytes over the compared sections. */
  differingBytes: number;
}

/** Something the stripped file still gives away, and what would have removed it. */
export interface Leak {
  what: string;
  /** An example or a count, e.g. "/home/ci/src/app/main.go and 41 more". Secret-looking values are masked. */
  evidence: string;
  /** The build flag that removes it, or null when no flag does. */
  flag: string | null;
  /** One sentence on the flag or on why nothing removes it. */
  remedy: string;
}

/**
 * Present when one file looks like a stripped copy of the other: same format and architecture, related builds
 * (same Go build ID, or same main module and .text size, or the same pclntab function list), and the stripped
 * side has fewer symbols or sections.
 */
export interface StripVerification {
  /** Which side is the stripped one. */
  stripped: 'a' | 'b';
  /**
   * "strip": the same link with sections removed afterwards (contents identical);
   * "linker": a separate link with -ldflags "-s"/"-w" recorded in its build settings;
   * "unknown": the contents differ and no -s/-w setting explains it.
   */
  method: 'strip' | 'linker' | 'unknown';
  codeIdentical: boolean;
  comparedSections: SectionContentComparison[];
  /** Sections of the unstripped file that the stripped file lacks, with the file bytes each one took. */
  removedSections: SectionSize[];
  bytesFreed: number;
  symbolsBefore: number;
  symbolsAfter: number;
  /** Readable statements on what differs besides the removed sections; empty when only sections went. */
  differences: string[];
  stillLeaks: Leak[];
}

export interface Comparison {
  schemaVersion: number;
  a: FileIdentity;
  b: FileIdentity;
  /** One-line statements of what matters, most important first. */
  summary: string[];
  format: { a: FileFormat; b: FileFormat; archA: string | null; archB: string | null; same: boolean };
  size: { a: number; b: number; delta: number };
  goVersion: { a: string | null; b: string | null; changed: boolean };
  mainModule: { a: string | null; b: string | null; changed: boolean };
  buildSettings: { added: SettingChange[]; removed: SettingChange[]; changed: SettingChange[]; unchanged: number };
  modules: { added: ModuleChange[]; removed: ModuleChange[]; changed: ModuleChange[]; unchanged: number };
  sections: { added: SectionSize[]; removed: SectionSize[]; resized: SectionResize[]; unchanged: number };
  symbols: { a: SymbolCounts; b: SymbolCounts };
  functions: {
    countA: number;
    countB: number;
    added: CappedList<string>;
    removed: CappedList<string>;
    /** Distinct absolute source paths in pclntab (build-machine paths that -trimpath removes). */
    absoluteFilesA: number;
    absoluteFilesB: number;
  };
  /**
   * Rows are evidence values (a finding with three new values gives three rows); countA/countB count findings as
   * each file's Findings tab does, withNew/withFixed how many of them the new and fixed rows belong to.
   */
  findings: {
    new: FindingDelta[];
    fixed: FindingDelta[];
    unchanged: number;
    countA: number;
    countB: number;
    withNew: number;
    withFixed: number;
  };
  verdicts: { changed: VerdictChange[]; unchanged: number };
  /**
   * countA/countB: strings found in each file, as its Strings tab counts them. added/removed: distinct values on
   * one side only, of the kind `listed` names: Go literals when both files have them, else readable text.
   */
  strings: {
    countA: number;
    countB: number;
    added: CappedList<string>;
    removed: CappedList<string>;
    listed: 'literal' | 'text';
  };
  code: CodeComparison;
  stripVerification?: StripVerification;
  /** Bytes per module (code, pclntab, literals) on each side, largest change first; empty without sizes. */
  moduleSizes: ModuleSizeChange[];
  /** Known vulnerabilities B fixed and introduced; absent when neither analysis had a vulnerability database. */
  vulnerabilities?: VulnerabilityComparison;
  /** Whether A and B are builds of one program; said first on every surface. */
  program: ProgramIdentity;
}

export interface ProgramIdentity {
  /** "same": one main module (and main package); "different": not; "unknown": a side records no main module. */
  verdict: 'same' | 'different' | 'unknown';
  mainModuleA: string | null;
  mainModuleB: string | null;
  /** One sentence for the top of the screen, the CLI text and the report. */
  statement: string;
}

export interface ModuleSizeChange {
  path: string;
  sizeA: number;
  sizeB: number;
  /** sizeB − sizeA */
  delta: number;
}

/** One vulnerability on one side, with its status on the other side ("absent" or null when not matched there). */
export interface VulnerabilityDelta {
  id: string;
  aliases: string[];
  module: string;
  version: string;
  status: VulnerabilityMatch['status'];
  otherStatus: VulnerabilityMatch['status'] | null;
  fixed: string | null;
}

export interface VulnerabilityComparison {
  /** Carried by A (reachable, present or module), not by B. */
  fixed: VulnerabilityDelta[];
  /** Carried by B, not by A. */
  introduced: VulnerabilityDelta[];
  /** Carried by both. */
  unchanged: number;
}
