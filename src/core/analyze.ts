import { detectPacking } from './detect/packed';
import { linkageReport } from './detect/linkage';
import { analyzeFindings } from './findings/index';
import { parseExecutable } from './formats/detect';
import type { Exe } from './formats/exe';
import { sniffFileType } from './formats/sniff';
import { followCode, type CodeFacts } from './code/index';
import { analyzeGo, type GoAnalysis } from './go/index';
import { buildModuleGraph, exeMemory } from './graph/index';
import { diagnosticFrom, guarded } from './io/errors';
import { emptyReport, fillFormat } from './report/build';
import type { FoundString, GoReport, ModuleGraph, Report } from './report/types';
import { computeSizes } from './sizes/index';
import { notUnpackedNote, unpackPacked } from './unpack/index';
import { extractStrings, type CodeLiterals } from './strings/index';
import { addVulnerabilities, type VulnIndex } from './vulns/index';

/** What the format readers make of a file (null: not an executable). */
export type ParsedExecutable = ReturnType<typeof parseExecutable>;

export type Stage = 'hashing' | 'format' | 'go' | 'strings' | 'findings' | 'done';

export interface AnalyzeOptions {
  fileName: string;
  onProgress?: (stage: Stage, fraction: number) => void;
  /**
   * Called with the report as it stands after each stage, so the UI can show sections before findings; without
   * the long lists, which come with the result (partialOf).
   */
  onPartial?: (report: Report) => void;
  signal?: AbortSignal;
  /** The Go vulnerability database, loaded by the host; without it the report has no vulnerability matches. */
  vulnIndex?: VulnIndex | null;
  /** The clock the database's age is measured against (tests fix it). */
  now?: Date;
  /**
   * SHA-256 of the file as lowercase hex, from the host. WebCrypto (the default) copies its input before hashing,
   * which doubles the memory a large file takes; a host with a hash that reads the bytes in place passes it here.
   */
  digest?: (bytes: Uint8Array) => Promise<string> | string;
  /** List the printable runs inside machine code too (see ExtractOptions.allStrings); off by default. */
  allStrings?: boolean;
  /** The executable already parsed from these bytes (the workbench parses once to tell binaries from SBOMs). */
  parsed?: ParsedExecutable | null;
}

export interface Analysis {
  report: Report;
  strings: FoundString[];
  /**
   * Clear values the rules judged secret. They never leave the engine: the redaction step (src/core/redact) masks
   * them wherever they occur and drops this list.
   */
  secrets?: string[];
  /** After redaction: paths (inside this analysis, e.g. "strings/12/value") of the texts that were masked. */
  revealable?: string[];
  /**
   * Calls, data references and inlined frames; null when the pass did not run. Megabytes on a large binary, so it
   * stays in the process that analysed: the property is not enumerable, and JSON.stringify and postMessage (the
   * worker, IPC, serve mode) leave it out.
   */
  code?: CodeFacts | null;
  /** The parsed executable, for the comparison's content pass; not enumerable either (it holds section views). */
  exe?: Exe | null;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function describeGo(go: GoReport | null): Report['detection'] {
  if (!go) return { isGo: false, reason: 'no Go build info, no pclntab and no Go version string found' };
  const parts: string[] = [];
  if (go.buildInfo) parts.push(go.buildInfo.source === 'carved' ? 'build info (carved, header missing)' : 'build info');
  if (go.pclntab) parts.push(`a pclntab of ${go.pclntab.functionCount} functions`);
  if (parts.length === 0 && go.version) parts.push(`Go version string ${go.version}`);
  return { isGo: true, reason: `found ${parts.join(' and ')}` };
}

/** The whole analysis: bytes in, report out. Pure; runs in the worker, the CLI, tests and a browser. */
export async function analyze(bytes: Uint8Array, options: AnalyzeOptions): Promise<Analysis> {
  const progress = (stage: Stage, fraction: number): void => {
    if (options.signal?.aborted) throw new AnalysisCancelled();
    options.onProgress?.(stage, fraction);
  };
  progress('hashing', 0.02);
  // The digest runs off the JavaScript thread; the format and Go readers work meanwhile.
  const hashing = (options.digest ?? sha256Hex)(bytes);
  const report = emptyReport({ name: options.fileName, size: bytes.length, sha256: '' });
  progress('format', 0.1);
  // A packed file is analysed as the image it unpacks to; the report's file facts stay those of the input.
  const unpacked = unpackPacked(bytes, report.diagnostics);
  const image = unpacked?.image ?? bytes;
  // A parse the host already made is of the input: of no use for an unpacked image.
  const exe = readFormat(image, report, unpacked ? undefined : options.parsed);
  options.onPartial?.(partialOf(report));
  progress('go', 0.3);
  let code: CodeFacts | null = null;
  if (exe) {
    const go = guarded('go', report.diagnostics, () => analyzeGo(exe, image), { go: null, diagnostics: [] });
    report.diagnostics.push(...go.diagnostics);
    report.go = go.go;
    code = followGoCode(exe, image, go, report);
    if (code && report.go) report.go.graph = moduleGraph(report.go, code, exe, report);
    report.symbols.goFunctions = go.go?.functions.length ?? 0;
    report.detection = describeGo(report.go);
    report.linkage = linkageReport(exe, report.go);
    report.sizes = packageSizes(exe, go, code, report);
  }
  report.packed = unpacked
    ? { ...unpacked.packed, image: { ...unpacked.packed.image, sha256: await sha256Hex(image) } }
    : detectPacking(bytes, exe, report.sections, !!report.go?.pclntab);
  notUnpackedNote(report.packed, report.format, report.diagnostics);
  if (unpacked) report.detection.reason += ` in the image unpacked from UPX ${unpacked.packed.version ?? ''}`.trimEnd();
  report.file.sha256 = await hashing;
  options.onPartial?.(partialOf(report));
  progress('strings', 0.6);
  // Offsets inside a fat file's slice start at the slice; strings are reported at their place in the whole file.
  const baseOffset = report.format === 'macho-fat' ? (report.slices[0]?.offset ?? 0) : 0;
  const strings = guarded(
    'strings',
    report.diagnostics,
    () =>
      extractStrings(exe, image, {
        baseOffset,
        diagnostics: report.diagnostics,
        code: codeLiterals(code, report),
        allStrings: options.allStrings,
      }),
    [],
  );
  progress('findings', 0.8);
  const findings = guarded(
    'findings',
    report.diagnostics,
    () => analyzeFindings({ exe, file: image, report, strings }),
    {
      findings: [],
      verdicts: [],
      secrets: [],
    },
  );
  report.findings = findings.findings;
  report.verdicts = findings.verdicts;
  const vulnIndex = options.vulnIndex;
  if (vulnIndex)
    guarded(
      'vulns',
      report.diagnostics,
      () => addVulnerabilities(report, code, vulnIndex, options.now ?? new Date()),
      undefined,
    );
  progress('done', 1);
  const analysis: Analysis = { report, strings };
  // Neither leaves the analysing process by accident: JSON.stringify and postMessage skip non-enumerable properties.
  hidden(analysis, 'code', code);
  hidden(analysis, 'secrets', findings.secrets);
  hidden(analysis, 'exe', exe);
  return analysis;
}

/** The pass over the instructions, once, after the Go stage; a failure is a diagnostic and the report stands. */
function followGoCode(exe: Exe, bytes: Uint8Array, go: GoAnalysis, report: Report): CodeFacts | null {
  if (!go.go || !go.pclntab || !go.tableFunctions?.length) return null;
  const functions = go.tableFunctions;
  const code = guarded(
    'code',
    report.diagnostics,
    () => followCode(exe, go.pclntab!, functions, bytes, go.go!.version),
    null,
  );
  if (!code) return null;
  report.diagnostics.push(...code.diagnostics);
  go.go.code = {
    arch: code.arch,
    calls: code.calls.count,
    dataRefs: code.refs.count,
    inlineFrames: code.inline?.count ?? 0,
    codeBytes: code.codeBytes,
  };
  return code;
}

/** Module and package edges from the code's facts; a failure is a diagnostic and the report stands. */
function moduleGraph(go: GoReport, code: CodeFacts, exe: Exe, report: Report): ModuleGraph | null {
  return guarded('graph', report.diagnostics, () => buildModuleGraph(go, code, exeMemory(exe)), null);
}

/** Bytes per package in each code and read-only section; a failure is a diagnostic and the report stands. */
function packageSizes(exe: Exe, go: GoAnalysis, code: CodeFacts | null, report: Report): Report['sizes'] {
  const goReport = go.go;
  if (!goReport) return null;
  const base = report.format === 'macho-fat' ? (report.slices[0]?.offset ?? 0) : 0;
  const table = go.pclntab ?? null;
  const { diagnostics } = report;
  return guarded('sizes', diagnostics, () => computeSizes({ exe, go: goReport, table, code, base, diagnostics }), null);
}

/**
 * The code's string references for the string extractor, each named by the function whose code makes it. When
 * the reference sits in inlined code both names count: a literal argument of an inlined call
 * (strings.HasPrefix(path, "/srv/")) is loaded at the callee's line yet written in the caller, while a literal of
 * an inlined helper is written in the helper; "main.check (inlined strings.HasPrefix)" says both.
 */
function codeLiterals(code: CodeFacts | null, report: Report): CodeLiterals | undefined {
  if (!code) return undefined;
  const functions = report.go?.functions ?? [];
  const { refs, inline } = code;
  const referrer = (index: number): string | null => {
    const outer = functions[refs.caller[index]!]?.name ?? null;
    const frame = refs.frame[index]!;
    const inlined = inline && frame >= 0 && frame < inline.count ? inline.name[frame] : undefined;
    return inlined && outer ? `${outer} (inlined ${inlined})` : (inlined ?? outer);
  };
  return { refs, referrer };
}

function hidden(analysis: Analysis, key: 'code' | 'secrets' | 'exe', value: unknown): void {
  Object.defineProperty(analysis, key, { value, enumerable: false, writable: true, configurable: true });
}

function readFormat(bytes: Uint8Array, report: Report, known?: ParsedExecutable | null): Exe | null {
  try {
    const parsed = known ?? parseExecutable(bytes);
    if (parsed) return fillFormat(report, parsed);
    report.detection = { isGo: false, reason: `This is not an executable (looks like ${sniffFileType(bytes)}).` };
  } catch (error) {
    report.diagnostics.push(diagnosticFrom('format', error));
    report.detection = { isGo: false, reason: 'The executable header could not be read.' };
  }
  return null;
}

/**
 * A copy of the report as it stands, for the window to show while the rest runs, without the long lists (functions,
 * packages, modules, the graph, sizes): on a large binary they are megabytes the window would have to parse twice
 * more, and they arrive with the result.
 */
function partialOf(report: Report): Report {
  const go = report.go && { ...report.go, functions: [], packages: [], modules: [], graph: null };
  return JSON.parse(JSON.stringify({ ...report, go, sizes: null })) as Report;
}
