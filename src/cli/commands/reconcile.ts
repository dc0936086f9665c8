import { discrepancySubjects, type BaselineSummary, type Subject, type SubjectState } from '../../core/baseline/index';
import { RECONCILE_SEVERITIES, reconcile, type ReconcileSeverity, type Reconciliation } from '../../core/sbom/index';
import { UsageError, type ParsedArgs } from '../args';
import { analyzeForOutput } from '../analyze-command';
import {
  BASELINE_FLAGS,
  BASELINE_USAGE,
  baselineLines,
  judge,
  readBaselineFlag,
  suppressionsOf,
  unusedLines,
  writeBaselineFile,
  writeBaselineTarget,
  type BaselineInput,
} from '../baseline';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { readSbomFile, validationLines } from './sbom';
import type { Command } from './types';

const LEVELS = [...RECONCILE_SEVERITIES, 'none'] as const;

/** --fail-on for discrepancies: error (the default), warning (errors and warnings), or none. */
function parseLevel(args: ParsedArgs): ReconcileSeverity | null {
  const value = args.flags.get('fail-on') ?? 'error';
  if (value === 'none') return null;
  if (typeof value === 'string' && (RECONCILE_SEVERITIES as readonly string[]).includes(value))
    return value as ReconcileSeverity;
  throw new UsageError(`--fail-on takes one of ${LEVELS.join(', ')}`);
}

function failsAt(severity: ReconcileSeverity, level: ReconcileSeverity): boolean {
  return RECONCILE_SEVERITIES.indexOf(severity) <= RECONCILE_SEVERITIES.indexOf(level);
}

/** "This SBOM describes X, not Y": said before anything else, because nothing below is worth reading then. */
function otherProgramLine(result: Reconciliation): string[] {
  const other = result.otherProgram;
  return other ? [`This SBOM describes ${other.sbomDescribes}, not ${other.binaryIs}.`] : [];
}

function itemLines(result: Reconciliation, states: SubjectState[]): string[] {
  const lines = [`${result.verdict === 'match' ? 'MATCH' : 'MISMATCH'}: ${result.summary}`];
  result.items.forEach((item, i) => {
    const state = states[i];
    if (state?.status === 'suppressed') return;
    const expired = state?.status === 'expired' ? ` (baseline entry expired ${state.entry.expires})` : '';
    lines.push(`  [${item.severity}] [${item.kind}] ${item.module}: ${item.explanation}${expired}`);
  });
  return lines;
}

function jsonOutput(
  body: object,
  judged: { input: BaselineInput | null; subjects: Subject[]; states: SubjectState[]; summary: BaselineSummary | null },
): object {
  const { input, subjects, states, summary } = judged;
  if (!input || !summary) return body;
  return { ...body, baseline: { file: input.path, ...suppressionsOf(subjects, states), unused: summary.unused } };
}

export const reconcileCommand: Command = {
  usage: `gobinscope reconcile BINARY SBOM [--json] [--fail-on error|warning|none] ${BASELINE_USAGE} ${REVEAL_USAGE}   does the SBOM tell the truth? (CycloneDX 1.2-1.7 JSON/XML, SPDX 2.2/2.3 JSON or tag-value, SPDX 3.0 JSON-LD) exit 1 when it is invalid or a discrepancy reaches --fail-on`,
  valued: ['fail-on', ...BASELINE_FLAGS],
  booleans: ['json', REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 2) throw new UsageError('usage: gobinscope reconcile BINARY SBOM [--json]');
    const [binaryPath, sbomPath] = args.positionals as [string, string];
    const level = parseLevel(args);
    const input = await readBaselineFlag(args);
    const target = await writeBaselineTarget(args, args.positionals);
    const { sbom, validation } = await readSbomFile(sbomPath);
    const { report, redactor, masking } = await analyzeForOutput(binaryPath, revealing(args));
    // The SBOM may quote the binary's settings: what is secret in the binary stays masked in the answer too.
    const found = reconcile(report, sbom);
    const result = redactor.value(found);
    const subjects = await discrepancySubjects(masking.value(found).items);
    const { states, summary } = judge(subjects, input);
    if (args.flags.has('json')) {
      // Validation first: a document that breaks its schema is the first thing to fix.
      const body = jsonOutput(redactor.value({ validation, ...result }), { input, subjects, states, summary });
      process.stdout.write(JSON.stringify(body, null, 2) + '\n');
      for (const line of unusedLines(input, summary)) process.stderr.write(`gobinscope: ${line}\n`);
    } else {
      const lines = [...otherProgramLine(result), ...validationLines(sbomPath, sbom, validation)];
      lines.push(...itemLines(result, states), ...baselineLines(input, summary));
      process.stdout.write(redactor.text(lines.join('\n')) + '\n');
    }
    if (target) await writeBaselineFile(target, subjects, input);
    if (level === null) return 0;
    // An invalid SBOM does not pass, even when every module it names is right.
    const failing = result.items.filter(
      (item, i) => failsAt(item.severity, level) && states[i]?.status !== 'suppressed',
    );
    return validation.valid && failing.length === 0 ? 0 : 1;
  },
};
