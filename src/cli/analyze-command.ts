import { basename } from 'node:path';
import { analyze } from '../core/analyze';
import type { Redactor } from '../core/redact/index';
import type { Report } from '../core/report/types';
import type { VulnIndex } from '../core/vulns/db';
import { sha256InPlace } from '../host/digest';
import { readInputFile } from '../host/read-file';
import { UsageError } from './args';
import { outputRedactor } from './secrets';

/**
 * Reads and analyses one file; bad input is a UsageError-like exit 2 with one line. The report comes back with
 * every secret masked unless the user asked for clear values (--reveal-secrets).
 */
export async function analyzeFile(
  path: string,
  revealSecrets = false,
  vulnIndex: VulnIndex | null = null,
  allStrings = false,
): Promise<Report> {
  return (await analyzeForOutput(path, revealSecrets, vulnIndex, allStrings)).report;
}

/**
 * The shown report and the redactor that masked it, for commands that print more than the report; `masking`
 * masks whether or not clear values were asked for, for what must never hold a secret (baseline fingerprints).
 */
export async function analyzeForOutput(
  path: string,
  revealSecrets: boolean,
  vulnIndex: VulnIndex | null = null,
  allStrings = false,
): Promise<{ report: Report; redactor: Redactor; masking: Redactor }> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  const analysis = await analyze(read.value, {
    fileName: basename(path),
    vulnIndex,
    digest: sha256InPlace,
    allStrings,
  });
  const redactor = outputRedactor(revealSecrets, analysis);
  return { report: redactor.value(analysis.report), redactor, masking: outputRedactor(false, analysis) };
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function requireOne(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`usage: gobinscope ${command} FILE`);
  return positionals[0]!;
}
