// The --baseline and --write-baseline flags of scan and reconcile: reading the file strictly (anything it does not
// accept is exit 2 with the place named), matching results against it, and saying what it did.
import { basename } from 'node:path';
import {
  BaselineError,
  applyBaseline,
  baselineFor,
  parseBaseline,
  utcDate,
  type Baseline,
  type BaselineSummary,
  type Subject,
  type SubjectState,
  type Suppression,
} from '../core/baseline/index';
import { readInputFile } from '../host/read-file';
import { InputError } from './analyze-command';
import { UsageError, type ParsedArgs } from './args';
import { checkOutput, writeOutput, type OutputTarget } from './output-file';

export const BASELINE_FLAGS = ['baseline', 'write-baseline'] as const;
export const BASELINE_USAGE = '[--baseline FILE] [--write-baseline FILE]';

export interface BaselineInput {
  path: string;
  baseline: Baseline;
}

function flagPath(args: ParsedArgs, flag: (typeof BASELINE_FLAGS)[number]): string | null {
  const value = args.flags.get(flag);
  if (value === true) throw new UsageError(`--${flag} needs a file name`);
  return value ?? null;
}

/** The --baseline file, read and checked before any analysis; null without the flag. */
export async function readBaselineFlag(args: ParsedArgs): Promise<BaselineInput | null> {
  const path = flagPath(args, 'baseline');
  if (path === null) return null;
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(`--baseline: ${read.error.message}`);
  try {
    return { path, baseline: parseBaseline(read.value) };
  } catch (error) {
    if (error instanceof BaselineError)
      throw new InputError(`--baseline ${basename(path)} is not a valid baseline: ${error.message}`);
    throw error;
  }
}

/**
 * The --write-baseline target, checked before any analysis. It may be the --baseline file (a refresh keeps the
 * reasons), never one of the command's inputs.
 */
export function writeBaselineTarget(args: ParsedArgs, inputs: readonly string[]): Promise<OutputTarget | null> {
  const path = flagPath(args, 'write-baseline');
  return path === null ? Promise.resolve(null) : checkOutput(path, inputs);
}

export function writeBaselineFile(target: OutputTarget, subjects: Subject[], input: BaselineInput | null) {
  return writeOutput(target, baselineFor(subjects, input?.baseline ?? null));
}

/** Every state open, when no baseline was given. */
export function judge(subjects: Subject[], input: BaselineInput | null) {
  if (!input) return { states: subjects.map((): SubjectState => ({ status: 'open' })), summary: null };
  return applyBaseline(subjects, input.baseline, utcDate(new Date()));
}

/** The results of one file the baseline suppressed, and those its expired entries no longer do. */
export function suppressionsOf(subjects: readonly Subject[], states: readonly SubjectState[]) {
  const of = (status: 'suppressed' | 'expired'): Suppression[] =>
    subjects.flatMap((subject, i) => {
      const state = states[i];
      if (state?.status !== status) return [];
      const { reason, expires } = state.entry;
      return [{ ...subject, reason, ...(expires !== undefined ? { expires } : {}) }];
    });
  return { suppressed: of('suppressed'), expired: of('expired') };
}

/** Text lines on the suppressed and expired results and the unused entries; [] without a baseline. */
export function baselineLines(input: BaselineInput | null, summary: BaselineSummary | null): string[] {
  if (!input || !summary) return [];
  const name = basename(input.path);
  const lines: string[] = [];
  if (summary.suppressed.length > 0) lines.push(`suppressed by ${name} (${summary.suppressed.length}):`);
  for (const s of summary.suppressed)
    lines.push(`  ${s.rule}: ${s.subject} — ${s.reason}${s.expires ? ` (until ${s.expires})` : ''}`);
  if (summary.expired.length > 0) lines.push(`expired in ${name}, counted again (${summary.expired.length}):`);
  for (const s of summary.expired) lines.push(`  ${s.rule}: ${s.subject} — expired ${s.expires}: ${s.reason}`);
  return [...lines, ...unusedLines(input, summary)];
}

/** Warnings on entries that matched nothing: said in every format (on stderr beside JSON and SARIF). */
export function unusedLines(input: BaselineInput | null, summary: BaselineSummary | null): string[] {
  if (!input || !summary) return [];
  return summary.unused.map(
    (entry) =>
      `warning: ${basename(input.path)}: unused entry ${entry.rule} ${entry.fingerprint}` +
      `${entry.subject ? ` (${entry.subject})` : ''}${entry.expired ? `, expired ${entry.expires}` : ''}`,
  );
}
