import { analyze, type Analysis } from '../analyze';
import { parseExecutable } from '../formats/detect';
import type { Exe } from '../formats/exe';
import { redactorFor } from '../redact/index';
import type { Report } from '../report/types';
import { compareContents, type ContentSide } from './code';
import { compareFindings, compareFunctions, compareStrings, compareVerdicts } from './inventory';
import { programIdentity, requireComparable } from './identity';
import { compareHeadlines, compareModules, compareSections, compareSettings, identityOf } from './metadata';
import { compareModuleSizes } from './sizes';
import { strippedSide, verifyStrip } from './strip';
import { summarize } from './summary';
import { COMPARISON_SCHEMA_VERSION, type Comparison } from './types';
import { compareVulnerabilities } from './vulnerabilities';
import type { VulnIndex } from '../vulns/db';

export type { Comparison } from './types';
export { NotComparableError, refusalOf, requireComparable } from './identity';

/**
 * The executable analyze() read, parsed again from the same bytes: analyze() returns plain data only, and the
 * content comparison needs section bytes. Parsing is cheap next to analysis. Null when the bytes are not an
 * executable or its header cannot be read (the report already says why).
 */
export function executableOf(bytes: Uint8Array): Exe | null {
  try {
    return parseExecutable(bytes)?.exes[0] ?? null;
  } catch {
    return null;
  }
}

/** The executable analyze() parsed and kept on the analysis (null: none); parsed again when it is not there. */
function exeOf(analysis: Analysis, bytes: Uint8Array): Exe | null {
  return Object.hasOwn(analysis, 'exe') ? (analysis.exe ?? null) : executableOf(bytes);
}

/** Where the report's executable starts in the file: the first slice of a fat Mach-O, else 0. */
function contentSide(report: Report, exe: Exe | null): ContentSide | null {
  return exe ? { exe, sliceOffset: report.slices[0]?.offset ?? 0 } : null;
}

/**
 * Compares two analysed files, A (before) and B (after). The bytes must be the ones the analyses were made from;
 * an executable passed as null is parsed again from them (null again when they are not an executable).
 */
export async function compareReports(
  a: Analysis,
  b: Analysis,
  exeA: Exe | null,
  exeB: Exe | null,
  bytesA: Uint8Array,
  bytesB: Uint8Array,
): Promise<Comparison> {
  const ra = a.report;
  const rb = b.report;
  const sideA = contentSide(ra, exeA ?? exeOf(a, bytesA));
  const sideB = contentSide(rb, exeB ?? exeOf(b, bytesB));
  const code = await compareContents(sideA, sideB);
  const side = strippedSide(ra, rb);
  const parts: Omit<Comparison, 'summary' | 'schemaVersion'> = {
    a: identityOf(ra),
    b: identityOf(rb),
    ...compareHeadlines(ra, rb),
    buildSettings: compareSettings(ra, rb),
    modules: compareModules(ra, rb),
    sections: compareSections(ra, rb),
    functions: compareFunctions(ra, rb),
    findings: compareFindings(ra, rb),
    verdicts: compareVerdicts(ra, rb),
    strings: compareStrings(a, b),
    code,
    moduleSizes: compareModuleSizes(ra, rb),
    program: programIdentity(ra, rb),
  };
  if (side) parts.stripVerification = verifyStrip(ra, rb, code, side);
  const vulnerabilities = compareVulnerabilities(ra, rb);
  if (vulnerabilities) parts.vulnerabilities = vulnerabilities;
  const { a: fileA, b: fileB, ...rest } = parts;
  return { schemaVersion: COMPARISON_SCHEMA_VERSION, a: fileA, b: fileB, summary: summarize(parts), ...rest };
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Analyses both files and compares them: what the CLI calls. A file that is not an executable is refused with a
 * NotComparableError carrying the message its own analysis gives. The comparison is compared in clear (two secrets
 * with the same mask still differ) and comes back with the secrets of both sides masked, unless asked otherwise.
 */
export async function compareFiles(
  a: NamedBytes,
  b: NamedBytes,
  options: { revealSecrets?: boolean; vulnIndex?: VulnIndex | null } = {},
): Promise<Comparison> {
  const vulnIndex = options.vulnIndex ?? null;
  const analysisA = await analyze(a.bytes, { fileName: a.name, vulnIndex });
  const analysisB = await analyze(b.bytes, { fileName: b.name, vulnIndex });
  requireComparable(analysisA.report, analysisB.report);
  const comparison = await compareReports(analysisA, analysisB, null, null, a.bytes, b.bytes);
  return options.revealSecrets ? comparison : redactorFor(analysisA, analysisB).value(comparison);
}
