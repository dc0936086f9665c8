import { basename } from 'node:path';
import { analyze } from '../core/analyze';
import type { Report } from '../core/report/types';
import type { VulnIndex } from '../core/vulns/db';
import { readInputFile } from '../main/analysis/read-file';
import { UsageError } from './args';

/** Reads and analyses one file; bad input is a UsageError-like exit 2 with one line. */
export async function analyzeFile(path: string, vulnIndex: VulnIndex | null = null): Promise<Report> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  const { report } = await analyze(read.value, { fileName: basename(path), vulnIndex });
  return report;
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
