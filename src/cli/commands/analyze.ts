import type { Report } from '../../core/report/types';
import { UsageError } from '../args';
import { exitFor, forEachReport, inputOptions, isSingleFile, jsonOf, writeJsonLine } from '../inputs';
import { REVEAL_FLAG, REVEAL_USAGE } from '../secrets';
import { summarize } from '../summary';
import type { Command } from './types';

const FORMATS = ['text', 'json', 'jsonl'];

export const analyzeCommand: Command = {
  usage: `gobinscope analyze PATH... [--json | --format text|json|jsonl] [--vulndb PATH] [--all-strings] ${REVEAL_USAGE}   report on executables, folders (every executable inside) or image tarballs (JSON with --json, one per line with jsonl; --all-strings lists text inside machine code too, one file at a time)`,
  valued: ['vulndb', 'format'],
  booleans: ['json', 'all-strings', REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length === 0) throw new UsageError('usage: gobinscope analyze PATH... [--json]');
    const format = String(args.flags.get('format') ?? (args.flags.has('json') ? 'json' : 'text'));
    if (!FORMATS.includes(format)) throw new UsageError('--format takes text, json or jsonl');
    const allStrings = args.flags.has('all-strings');
    if (allStrings && !(await isSingleFile(args.positionals)))
      throw new UsageError('--all-strings takes one file: the full scan lists every run of text in it');
    const reports: Report[] = [];
    const run = await forEachReport(args.positionals, { ...inputOptions(args), allStrings }, (report) =>
      format === 'jsonl' ? writeJsonLine(report) : reports.push(report),
    );
    if (format === 'json') process.stdout.write(jsonOf(run, reports) + '\n');
    else if (format === 'text' && reports.length > 0)
      process.stdout.write(reports.map((report) => summarize(report)).join('\n\n') + '\n');
    return exitFor(run, 0);
  },
};
