import { analyzeFile, requireOne } from '../analyze-command';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { summarize } from '../summary';
import type { Command } from './types';

export const analyzeCommand: Command = {
  usage: `gobinscope analyze FILE [--json] ${REVEAL_USAGE}   report on one executable (JSON with --json)`,
  valued: [],
  booleans: ['json', REVEAL_FLAG],
  async run(args) {
    const report = await analyzeFile(requireOne(args.positionals, 'analyze FILE [--json]'), revealing(args));
    process.stdout.write((args.flags.has('json') ? JSON.stringify(report, null, 2) : summarize(report)) + '\n');
    return 0;
  },
};
