import { findingSubjects, type BaselineSummary, type Subject, type SubjectState } from '../../core/baseline/index';
import { toSarif } from '../../core/report/sarif';
import { baselineInvocation } from '../../core/report/sarif-baseline';
import type { Report, Severity } from '../../core/report/types';
import { SEVERITIES } from '../../core/report/types';
import { UsageError } from '../args';
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
import { exitFor, forEachReport, inputOptions, isSingleFile, jsonOf, writeJsonLine } from '../inputs';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import type { Command } from './types';

function severityAtLeast(severity: Severity, level: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level);
}

function parseLevel(value: string | true | undefined): Severity | null {
  if (value === undefined || value === 'none') return null;
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new UsageError(`--fail-on takes one of ${SEVERITIES.join(', ')} or none`);
}

/** One scanned file: its report, each finding's fingerprint and what the baseline made of it. */
interface Scanned {
  report: Report;
  subjects: Subject[];
  states: SubjectState[];
}

function textSummary(scanned: Scanned[]): string {
  const lines: string[] = [];
  for (const { report, states } of scanned) {
    const suppressed = states.filter((state) => state.status === 'suppressed').length;
    const note = suppressed > 0 ? ` (${suppressed} suppressed by the baseline, listed below)` : '';
    lines.push(`${report.file.name}: ${report.findings.length} findings${note}`);
    report.findings.forEach((f, i) => {
      const state = states[i];
      if (state?.status === 'suppressed') return;
      const where = f.evidence[0]
        ? ` — ${f.evidence[0].value}${f.evidence[0].offset !== null ? ` @0x${f.evidence[0].offset.toString(16)}` : ''}`
        : '';
      const expired = state?.status === 'expired' ? ` (baseline entry expired ${state.entry.expires})` : '';
      lines.push(`  [${f.severity}] ${f.id}: ${f.title}${where}${expired}`);
    });
  }
  return lines.join('\n');
}

/** Merges one SARIF log per file into one log with a run per file, as pipelines upload a single file. */
function sarifFor(scanned: Scanned[], summary: BaselineSummary | null): object {
  const logs = scanned.map(
    ({ report, subjects, states }) => toSarif(report, { subjects, states }) as { runs: object[] } & object,
  );
  const runs = logs.flatMap((l) => l.runs);
  const invocation = summary ? baselineInvocation(summary) : null;
  if (invocation && runs[0]) runs[0] = { ...runs[0], invocations: [invocation] };
  return { ...logs[0]!, runs };
}

/** Each report, with what the baseline made of its findings when one was given. */
function jsonFor(scanned: Scanned[], input: BaselineInput | null, summary: BaselineSummary | null): object[] {
  return scanned.map(({ report, subjects, states }) =>
    input && summary
      ? // The results of this file; the unused entries are the run's, the same in each report.
        { ...report, baseline: { file: input.path, ...suppressionsOf(subjects, states), unused: summary.unused } }
      : report,
  );
}

export const scanCommand: Command = {
  usage: `gobinscope scan PATH... [--fail-on high] [--format text|json|jsonl|sarif] [--vulndb PATH] ${BASELINE_USAGE} ${REVEAL_USAGE}   findings for pipelines; PATH: a file, a folder or an image tarball`,
  valued: ['fail-on', 'format', 'vulndb', ...BASELINE_FLAGS],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length === 0)
      throw new UsageError('usage: gobinscope scan PATH... [--fail-on LEVEL] [--format text|json|jsonl|sarif]');
    const format = args.flags.get('format') ?? 'text';
    if (!['text', 'json', 'jsonl', 'sarif'].includes(String(format)))
      throw new UsageError('--format takes text, json, jsonl or sarif');
    const level = parseLevel(args.flags.get('fail-on') ?? 'high');
    const input = await readBaselineFlag(args);
    const target = await writeBaselineTarget(args, args.positionals);
    if ((input || target) && revealing(args) && !(await isSingleFile(args.positionals)))
      throw new UsageError('--reveal-secrets with a baseline takes one file: fingerprints come from masked values');
    const collected: { report: Report; masked: Report['findings'] | null }[] = [];
    // JSON Lines goes out as each report is ready; only what the baseline and the exit code need stays.
    const run = await forEachReport(args.positionals, inputOptions(args), (report, masked) => {
      if (format === 'jsonl') writeJsonLine(report);
      const kept = format === 'jsonl' ? ({ file: report.file, findings: report.findings } as Report) : report;
      collected.push({ report: kept, masked });
    });
    const files: { report: Report; subjects: Subject[] }[] = [];
    // Fingerprints from the masked findings: the same with or without --reveal-secrets, and never a secret.
    for (const { report, masked } of collected)
      files.push({ report, subjects: await findingSubjects(masked ?? report.findings) });
    const { states, summary } = judge(
      files.flatMap((file) => file.subjects),
      input,
    );
    let next = 0;
    const scanned = files.map((file) => ({ ...file, states: states.slice(next, (next += file.subjects.length)) }));
    const out =
      format === 'sarif'
        ? scanned.length > 0
          ? JSON.stringify(sarifFor(scanned, summary), null, 2)
          : null
        : format === 'json'
          ? jsonOf(run, jsonFor(scanned, input, summary))
          : format === 'text'
            ? [textSummary(scanned), ...baselineLines(input, summary)].join('\n')
            : null;
    if (out !== null) process.stdout.write(out + '\n');
    if (format !== 'text')
      for (const line of unusedLines(input, summary)) process.stderr.write(`gobinscope: ${line}\n`);
    if (target)
      await writeBaselineFile(
        target,
        files.flatMap((file) => file.subjects),
        input,
      );
    const failing = scanned.flatMap(({ report, states: own }) =>
      report.findings.filter(
        (f, i) => level !== null && severityAtLeast(f.severity, level) && own[i]?.status !== 'suppressed',
      ),
    );
    return exitFor(run, failing.length > 0 ? 1 : 0);
  },
};
