import { analyzeFile, requireOne } from '../analyze-command';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { summarize } from '../summary';
import { resolveVulnDb } from '../../host/vulndb-store';
import type { Command } from './types';

export const analyzeCommand: Command = {
  usage: `gobinscope analyze FILE [--json] [--vulndb PATH] ${REVEAL_USAGE}   report on one executable (JSON with --json)`,
  valued: ['vulndb'],
  booleans: ['json', REVEAL_FLAG],
  async run(args) {
    const path = requireOne(args.positionals, 'analyze FILE [--json]');
    const report = await analyzeFile(path, revealing(args), await resolveVulnDb(args.flags.get('vulndb')));
    process.stdout.write((args.flags.has('json') ? JSON.stringify(report, null, 2) : summarize(report)) + '\n');
    return 0;
  },
};
