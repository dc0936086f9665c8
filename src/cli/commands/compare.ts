import { basename } from 'node:path';
import { compareFiles, NotComparableError } from '../../core/compare/index';
import { formatComparison } from '../../core/compare/text';
import { readInputFile } from '../../host/read-file';
import { InputError } from '../analyze-command';
import { UsageError } from '../args';
import { REVEAL_FLAG, REVEAL_USAGE, revealing } from '../secrets';
import { resolveVulnDb } from '../../host/vulndb-store';
import type { Command } from './types';

/** Reads one input file; a missing, empty or unreadable file is bad input (exit 2), said in one line. */
async function readNamed(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const read = await readInputFile(path);
  if (!read.ok) throw new InputError(read.error.message);
  return { name: basename(path), bytes: read.value };
}

export const compareCommand: Command = {
  usage: `gobinscope compare A B [--json] [--vulndb PATH] ${REVEAL_USAGE}   what changed from A to B, and what strip really did`,
  valued: ['vulndb'],
  booleans: ['json', REVEAL_FLAG],
  async run(args) {
    if (args.positionals.length !== 2) throw new UsageError('usage: gobinscope compare A B [--json]');
    const [pathA, pathB] = args.positionals as [string, string];
    const [a, b] = await Promise.all([readNamed(pathA), readNamed(pathB)]);
    const comparison = await compareFiles(a, b, {
      revealSecrets: revealing(args),
      vulnIndex: await resolveVulnDb(args.flags.get('vulndb')),
    }).catch((error: unknown) => {
      // A PNG is not a side of a comparison: bad input, said the way analysing it alone says it.
      throw error instanceof NotComparableError ? new InputError(error.message) : error;
    });
    process.stdout.write(
      (args.flags.has('json') ? JSON.stringify(comparison, null, 2) : formatComparison(comparison)) + '\n',
    );
    return 0;
  },
};
