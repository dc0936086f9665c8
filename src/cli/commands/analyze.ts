import { analyzeFile, requireOne } from '../analyze-command';
import { summarize } from '../summary';
import { resolveVulnDb } from '../vulndb-store';
import type { Command } from './types';

export const analyzeCommand: Command = {
  usage: 'gobinscope analyze FILE [--json] [--vulndb PATH]   report on one executable (JSON with --json)',
  valued: ['vulndb'],
  async run(args) {
    const path = requireOne(args.positionals, 'analyze FILE [--json]');
    const report = await analyzeFile(path, await resolveVulnDb(args.flags.get('vulndb')));
    process.stdout.write((args.flags.has('json') ? JSON.stringify(report, null, 2) : summarize(report)) + '\n');
    return 0;
  },
};
