import type { Diagnostic } from '../io/errors';
import type { GoBuildFacts } from './go-build-facts';
import type { ModuleGraph } from './graph-types';
import type { SizeReport } from './size-types';
import type { VulnDbInfo, VulnerabilityMatch } from './vulnerability-types';

export type { GoBuildFacts } from './go-build-facts';
export type { EdgeExample, EdgeKind, GraphEdge, GraphModule, GraphStep, ModuleGraph } from './graph-types';
export type { SizeEntry, SizeReport } from './size-types';
export type { VulnDbInfo, VulnerabilityMatch } from './vulnerability-types';

/**
 * The analysis report: the one object the CLI prints with --json, the worker posts to the app, and exports are
 * made from. Documented in docs/report-schema.md; bump SCHEMA_VERSION on any incompatible change.
 */
export const SCHEMA_VERSION = 1;

export type FileFormat = 'elf' | 'pe' | 'macho' | 'macho-fat' | 'unknown';

/** Hex string "0x…" for addresses, so 64-bit values survive JSON readers that use doubles. */
export type HexAddress = string;

export interface ReportFile {
  name: string;
  size: number;
  sha256: string;
}

export interface ReportSection {
  name: string;
  type: string;
  address: HexAddress;
  offset: number;
  size: number;
  flags: string;
  /** Shannon entropy of the section's file bytes in bits per byte (0–8), null when it has none. */
  entropy: number | null;
  kind: string;
}

export interface ReportSegment {
  type: string;
  address: HexAddress;
  offset: number;
  fileSize: number;
  memSize: number;
  flags: string;
}

export interface ReportSlice {
  arch: string;
  offset: number;
}

export interface GoModule {
  path: string;
  version: string;
  sum: string;
  replace: { path: string; version: string; sum: string } | null;
}

export interface GoBuildInfo {
  /** Main package path ("path" line). */
  path: string;
  /** resolvedVersion: recovered for "(devel)" from an -X version variable or the VCS stamps (versionSource). */
  main: {
    path: string;
    version: string;
    sum: string;
    resolvedVersion?: string;
    versionSource?: 'buildinfo' | 'ldflags' | 'vcs';
  } | null;
  deps: GoModule[];
  settings: { key: string; value: string }[];
  /** "header" when read through the build-info header; "carved" when cut out between the modinfo sentinels. */
  source: 'header' | 'carved';
  /** File offset of the header or of the carved block. */
  offset: number;
}

export interface GoFunction {
  name: string;
  entry: HexAddress;
  size: number;
  file: string | null;
  package: string;
}

export type PackageClass = 'main' | 'std' | 'third-party' | 'runtime-internal';

export interface GoPackage {
  path: string;
  class: PackageClass;
  functionCount: number;
  /** Sum of the sizes of the package's functions in bytes. */
  size: number;
  /** Module path the package belongs to, when known. */
  module: string | null;
}

export interface GoModuleSummary {
  path: string;
  version: string;
  sum: string;
  replace: GoModule['replace'];
  /** "recorded" from build info, "inferred" from package paths. */
  origin: 'recorded' | 'inferred' | 'main' | 'std';
  packages: string[];
  size: number;
}

export interface GoReport {
  version: string | null;
  versionSource: 'buildinfo' | 'pclntab' | 'strings' | null;
  buildInfo: GoBuildInfo | null;
  pclntab: {
    magic: HexAddress;
    offset: number;
    functionCount: number;
    fileCount: number;
    goVersionRange: string;
  } | null;
  functions: GoFunction[];
  packages: GoPackage[];
  modules: GoModuleSummary[];
  /** What one pass over the instructions found, in counts; the columns stay on `Analysis.code`. */
  code?: GoCodeSummary | null;
  /** Module and package edges read from the code; absent until the code pass has run, null when it could not. */
  graph?: ModuleGraph | null;
  /** The releases the pclntab layout allows ("go1.18-1.19", "go1.26+"); never copied into `version`. */
  versionRange?: string | null;
  /** Build mode, GOEXPERIMENTs and FIPS 140 mode, as the binary tells them. */
  buildFacts?: GoBuildFacts | null;
}

export interface GoCodeSummary {
  /** The architecture decoded, or null when the pass does not support it. */
  arch: string | null;
  calls: number;
  dataRefs: number;
  inlineFrames: number;
  codeBytes: number;
}

export interface LinkageReport {
  static: boolean;
  interpreter: string | null;
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** Highest GLIBC_x.y needed, e.g. "2.34"; null when none. */
  glibcMax: string | null;
  /** cgo code is linked in (runtime/cgo's functions are present), whatever the build settings say. */
  cgo: boolean;
  cgoEvidence: string[];
  libc: 'glibc' | 'musl' | 'none' | 'other' | null;
  /** The build setting CGO_ENABLED: true when cgo was allowed (not proof of cgo code), null when not recorded. */
  cgoAllowed?: boolean | null;
}

export interface PackedReport {
  packer: string;
  version: string | null;
  evidence: string;
  /**
   * True when the engine unpacked the file in memory and everything else in the report (format, Go metadata,
   * strings, findings) describes the unpacked image; offsets then refer to that image, not to the file.
   */
  unpacked?: boolean;
  /** How the image was unpacked; null when unpacking was not done or failed (a diagnostic says why). */
  image?: UnpackedImage | null;
}

/** The in-memory unpacked image of a packed executable. */
export interface UnpackedImage {
  /** The packer's name for the format, e.g. "Linux ELF amd64". */
  format: string;
  /** Compression methods of its blocks, e.g. ["LZMA"], ["NRV2E (LE32)"]. */
  methods: string[];
  /** Filters undone after decompression, e.g. ["ctok32 0x49"]. */
  filters: string[];
  blocks: number;
  packedSize: number;
  unpackedSize: number;
  sha256: string;
}

export interface GoDetection {
  isGo: boolean;
  reason: string;
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Where a finding was seen. Values are masked (first and last few characters) unless they are not secret. */
export interface Evidence {
  section: string | null;
  /** File offset, when the evidence sits at one place in the file. */
  offset: number | null;
  /** The value, masked when it is secret. */
  value: string;
  /** Short context ("pclntab source file", "build setting -ldflags", "symbol main.apiToken"). */
  context?: string;
}

export interface Finding {
  /** Stable identifier, e.g. "secret.aws-access-key-id", "leak.build-path", "residue.symtab", "hardening.no-pie". */
  id: string;
  /** "secret", "leak", "residue", "hardening", "portability", "build" */
  kind: string;
  severity: Severity;
  title: string;
  /** One or two sentences: what this means for the user. */
  description: string;
  evidence: Evidence[];
  remediation: string;
  /** Bytes the residue costs, for residue findings. */
  bytes?: number;
}

/** A string found in the file, for the Strings view. */
export interface FoundString {
  value: string;
  offset: number;
  section: string | null;
  /** "ascii" | "utf8" | "utf16le" | "go" (cut from Go's literal blob by string headers) */
  encoding: string;
  /** "literal": a Go string literal at its exact start and length; "other": printable text no reference explains. */
  kind: StringKind;
  /** Bytes in the file; `value` holds all of them unless `truncated`. */
  length: number;
  /** For a literal: the function that loads it, else the variable or package holding its header. */
  referencedBy?: string | null;
  /** True when `value` is only the start of a string longer than the cap on materialised text. */
  truncated?: boolean;
}

export type StringKind = 'literal' | 'other';

/** One line on a verdict card: "PIE: yes", "Runs on Alpine: no (needs glibc)". */
export interface Verdict {
  /** "pie", "relro", "nx", "canary", "rpath", "scratch", "alpine", "centos7", "stripped", ... */
  id: string;
  group: 'hardening' | 'portability' | 'residue';
  label: string;
  /** "pass", "fail", "warn", "n/a" */
  status: 'pass' | 'fail' | 'warn' | 'n/a';
  value: string;
  reason: string;
}

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  file: ReportFile;
  format: FileFormat;
  arch: string | null;
  bits: 32 | 64 | null;
  endian: 'little' | 'big' | null;
  header: Record<string, string | number | boolean>;
  /** For fat Mach-O: one entry per architecture; the rest of the report describes the first one. */
  slices: ReportSlice[];
  sections: ReportSection[];
  segments: ReportSegment[];
  symbols: { total: number; dynamic: number; goFunctions: number };
  notes: { owner: string; typeName: string; value: string }[];
  detection: GoDetection;
  go: GoReport | null;
  linkage: LinkageReport | null;
  packed: PackedReport | null;
  findings: Finding[];
  /** Hardening and portability verdicts, filled by the findings analysis. */
  verdicts: Verdict[];
  diagnostics: Diagnostic[];
  /** Bytes per package and module in the code and read-only sections; null when the binary is not Go. */
  sizes: SizeReport | null;
  /** Known vulnerabilities of the linked modules; empty when no database was given (see vulnDb). */
  vulnerabilities: VulnerabilityMatch[];
  /** The vulnerability database the matches come from; null when none was loaded. */
  vulnDb: VulnDbInfo | null;
  /** Where the file came from when it was one of many (a folder, a container image); absent for a single file. */
  origin?: ReportOrigin;
}

/** A file found inside a folder or an image: its path there and, for an image, the image and the layer. */
export interface ReportOrigin {
  /** The path inside the folder or the image's file system, with forward slashes. */
  path: string;
  /** The image's tag, reference name or digest. */
  image?: string;
  /** The digest of the layer that put the file there ("sha256:…"). */
  layer?: string;
}
