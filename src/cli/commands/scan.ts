import { toSarif } from '../../core/report/sarif';
import type { Report, Severity } from '../../core/report/types';
import { SEVERITIES } from '../../core/report/types';
import { UsageError } from '../args';
import { analyzeFile } from '../analyze-command';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { resolveVulnDb } from '../../host/vulndb-store';
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
  usage: `gobinscope scan FILE... [--fail-on high] [--format text|json|sarif] [--vulndb PATH] ${REVEAL_USAGE}   findings for pipelines`,
  valued: ['fail-on', 'format', 'vulndb'],
  booleans: [REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length === 0)
      throw new UsageError('usage: gobinscope scan FILE... [--fail-on LEVEL] [--format text|json|sarif]');
    const format = args.flags.get('format') ?? 'text';
    if (!['text', 'json', 'sarif'].includes(String(format))) throw new UsageError('--format takes text, json or sarif');
    const level = parseLevel(args.flags.get('fail-on') ?? 'high');
    const reports: Report[] = [];
    const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
    for (const path of args.positionals) reports.push(await analyzeFile(path, revealing(args), vulnIndex));
    const out =
      format === 'sarif'
        ? JSON.stringify(sarifFor(reports), null, 2)
        : format === 'json'
          ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)
          : textSummary(reports);
    process.stdout.write(out + '\n');
    const failing =
      level === null ? [] : reports.flatMap((r) => r.findings.filter((f) => severityAtLeast(f.severity, level)));
    return failing.length > 0 ? 1 : 0;
  },
};
