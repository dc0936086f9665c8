import { analyzeFile, requireOne } from '../analyze-command';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { summarize } from '../summary';
import { resolveVulnDb } from '../../host/vulndb-store';
import type { Command } from './types';

export const analyzeCommand: Command = {
  usage: `gobinscope analyze FILE [--json] [--vulndb PATH] [--all-strings] ${REVEAL_USAGE}   report on one executable (JSON with --json; --all-strings lists text inside machine code too)`,
  valued: ['vulndb'],
  booleans: ['json', 'all-strings', REVEAL_FLAG],
  async run(args) {
    const path = requireOne(args.positionals, 'analyze FILE [--json]');
    const vulnIndex = await resolveVulnDb(args.flags.get('vulndb'));
    const report = await analyzeFile(path, revealing(args), vulnIndex, args.flags.has('all-strings'));
    process.stdout.write((args.flags.has('json') ? JSON.stringify(report, null, 2) : summarize(report)) + '\n');
    return 0;
  },
};
