import { toSarif } from '../../core/report/sarif';
import type { Report, Severity } from '../../core/report/types';
import { SEVERITIES } from '../../core/report/types';
import { UsageError } from '../args';
import { exitFor, forEachReport, inputOptions, jsonOf, writeJsonLine } from '../inputs';
import { REVEAL_FLAG, REVEAL_USAGE } from '../secrets';
import type { Command } from './types';

function severityAtLeast(severity: Severity, level: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level);
}

function parseLevel(value: string | true | undefined): Severity | null {
  if (value === undefined || value === 'none') return null;
  if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new UsageError(`--fail-on takes one of ${SEVERITIES.join(', ')} or none`);
}

function textSummary(reports: Report[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(`${report.file.name}: ${report.findings.length} findings`);
    for (const f of report.findings) {
      const where = f.evidence[0]
        ? ` — ${f.evidence[0].value}${f.evidence[0].offset !== null ? ` @0x${f.evidence[0].offset.toString(16)}` : ''}`
        : '';
      lines.push(`  [${f.severity}] ${f.id}: ${f.title}${where}`);
    }
  }
  return lines.join('\n');
}

/** Merges one SARIF log per file into one log with a run per file, as pipelines upload a single file. */
function sarifFor(reports: Report[]): object {
  const logs = reports.map((r) => toSarif(r) as { runs: unknown[] } & Record<string, unknown>);
  const first = logs[0]!;
  return { ...first, runs: logs.flatMap((l) => l.runs) };
}

export const scanCommand: Command = {
  usage: `gobinscope scan PATH... [--fail-on high] [--format text|json|jsonl|sarif] [--vulndb PATH] ${REVEAL_USAGE}   findings for pipelines; PATH: a file, a folder or an image tarball`,
  valued: ['fail-on', 'format', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length === 0)
      throw new UsageError('usage: gobinscope scan PATH... [--fail-on LEVEL] [--format text|json|jsonl|sarif]');
    const format = args.flags.get('format') ?? 'text';
    if (!['text', 'json', 'jsonl', 'sarif'].includes(String(format)))
      throw new UsageError('--format takes text, json, jsonl or sarif');
    const level = parseLevel(args.flags.get('fail-on') ?? 'high');
    const reports: Pick<Report, 'findings'>[] = [];
    // JSON Lines goes out as each report is ready; only the findings stay for the exit code.
    const run = await forEachReport(args.positionals, inputOptions(args), (report) =>
      reports.push(format === 'jsonl' ? (writeJsonLine(report), { findings: report.findings }) : report),
    );
    const full = reports as Report[];
    const out =
      format === 'sarif' && full.length > 0
        ? JSON.stringify(sarifFor(full), null, 2)
        : format === 'json'
          ? jsonOf(run, full)
          : format === 'text'
            ? textSummary(full)
            : null;
    if (out !== null) process.stdout.write(out + '\n');
    const failing =
      level === null ? [] : reports.flatMap((r) => r.findings.filter((f) => severityAtLeast(f.severity, level)));
    return exitFor(run, failing.length > 0 ? 1 : 0);
  },
};
