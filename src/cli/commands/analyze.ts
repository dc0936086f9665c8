import { analyzeFile, requireOne } from '../analyze-command';
import { summarize } from '../summary';
import type { Command } from './types';

export const analyzeCommand: Command = {
  usage: 'gobinscope analyze FILE [--json]        report on one executable (JSON with --json)',
  valued: [],
  booleans: ['json'],
  async run(args) {
    const report = await analyzeFile(requireOne(args.positionals, 'analyze FILE [--json]'));
    process.stdout.write((args.flags.has('json') ? JSON.stringify(report, null, 2) : summarize(report)) + '\n');
    return 0;
  },
};
