import { analyze, type Analysis, type AnalyzeOptions, type ParsedExecutable, type Stage } from './analyze';
import type { Comparison } from './compare/types';
import { parseExecutable } from './formats/detect';
import { FormatError } from './io/errors';
import { hex } from './io/reader';
import type { Report } from './report/types';
import type { VulnIndex } from './vulns/db';
import type { Reconciliation, Sbom, SbomValidation } from './sbom/index';

// SBOM validators and the comparison load only when a job needs them: a plain analysis starts faster.
const sbomModule = () => import('./sbom/index');
const compareModule = () => import('./compare/index');

export interface NamedInput {
  name: string;
  bytes: Uint8Array;
}

export interface SbomDocument {
  fileName: string;
  size: number;
  sbom: Sbom;
  validation: SbomValidation;
}

/** What opening one or two files produced: the window shows one of these. */
export type Outcome =
  | { kind: 'binary'; analysis: Analysis }
  | { kind: 'sbom'; document: SbomDocument }
  | { kind: 'compare'; a: Analysis; b: Analysis; comparison: Comparison }
  | { kind: 'reconcile'; analysis: Analysis; document: SbomDocument; reconciliation: Reconciliation };

/** A user mistake (two SBOMs, a broken SBOM): shown as a message, not a crash. */
export class InputProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputProblem';
  }
}

export interface WorkbenchOptions {
  onProgress?: (stage: Stage, fraction: number) => void;
  onPartial?: (report: Report) => void;
  /** The vulnerability database the host loaded; every binary opened is matched against it. */
  vulnIndex?: VulnIndex | null;
  /** The host's SHA-256 of a file (see AnalyzeOptions.digest). */
  digest?: AnalyzeOptions['digest'];
}

/** One input read once: its SBOM when it is one, else its parse for the analysis (undefined when that threw). */
interface ReadInput {
  sbom: Sbom | null;
  parsed?: ParsedExecutable;
}

/** An executable is whatever a format reader claims; otherwise a document that parses as an SBOM is one. */
async function readSbomIfAny(input: NamedInput): Promise<ReadInput> {
  let parsed: ParsedExecutable;
  try {
    parsed = parseExecutable(input.bytes);
    if (parsed) return { sbom: null, parsed };
  } catch {
    // The analysis reads the header again and reports why it failed.
    return { sbom: null };
  }
  const { parseSbom } = await sbomModule();
  try {
    return { sbom: parseSbom(input.bytes), parsed };
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    throw new InputProblem(
      'BAD_SBOM',
      `${input.name} looks like an SBOM but could not be read: ${error.message} (at byte ${hex(error.offset)}).`,
    );
  }
}

async function document(input: NamedInput, sbom: Sbom): Promise<SbomDocument> {
  const { validateSbom } = await sbomModule();
  return { fileName: input.name, size: input.bytes.length, sbom, validation: await validateSbom(input.bytes, sbom) };
}

function scaled(options: WorkbenchOptions, from: number, to: number): AnalyzeOptions['onProgress'] {
  return (stage, fraction) => options.onProgress?.(stage, from + (to - from) * fraction);
}

/**
 * Opens what the user dropped: one binary (analysis), one SBOM (its contents), two binaries (a comparison), or a
 * binary and an SBOM (a reconciliation).
 */
export async function openInputs(inputs: NamedInput[], options: WorkbenchOptions = {}): Promise<Outcome> {
  if (inputs.length === 0 || inputs.length > 2)
    throw new InputProblem('BAD_COUNT', 'Open one file, or two to compare.');
  const read = await Promise.all(inputs.map(readSbomIfAny));
  const sboms = read.map((r) => r.sbom);
  if (inputs.length === 1) {
    if (sboms[0]) return { kind: 'sbom', document: await document(inputs[0]!, sboms[0]) };
    const analysis = await analyze(inputs[0]!.bytes, {
      fileName: inputs[0]!.name,
      parsed: read[0]!.parsed,
      onProgress: options.onProgress,
      onPartial: options.onPartial,
      vulnIndex: options.vulnIndex,
      digest: options.digest,
    });
    return { kind: 'binary', analysis };
  }
  const [first, second] = inputs as [NamedInput, NamedInput];
  if (sboms[0] && sboms[1])
    throw new InputProblem('TWO_SBOMS', 'Both files are SBOMs: drop one binary and one SBOM, or two binaries.');
  if (sboms[0] || sboms[1]) {
    const [binary, sbomInput, sbom] = sboms[0] ? [second, first, sboms[0]] : [first, second, sboms[1]!];
    const analysis = await analyze(binary.bytes, {
      fileName: binary.name,
      parsed: read[sboms[0] ? 1 : 0]!.parsed,
      onProgress: options.onProgress,
      onPartial: options.onPartial,
      vulnIndex: options.vulnIndex,
      digest: options.digest,
    });
    const { reconcile } = await sbomModule();
    return {
      kind: 'reconcile',
      analysis,
      document: await document(sbomInput, sbom),
      reconciliation: reconcile(analysis.report, sbom),
    };
  }
  const { vulnIndex, digest } = options;
  // Sequential, each with its share of the progress bar: 0-0.45, then 0.45-0.9.
  const analyses: Analysis[] = [];
  for (const [k, input] of [first, second].entries()) {
    analyses.push(
      await analyze(input.bytes, {
        fileName: input.name,
        onProgress: scaled(options, 0.45 * k, 0.45 * (k + 1)),
        vulnIndex,
        digest,
        parsed: read[k]!.parsed,
      }),
    );
  }
  const [a, b] = analyses as [Analysis, Analysis];
  const { compareReports, refusalOf } = await compareModule();
  // A side that is not an executable is refused in the words opening it alone gives, not compared.
  const refusal = refusalOf(a.report) ?? refusalOf(b.report);
  if (refusal) throw new InputProblem('NOT_EXECUTABLE', refusal);
  return { kind: 'compare', a, b, comparison: await compareReports(a, b, null, null, first.bytes, second.bytes) };
}
