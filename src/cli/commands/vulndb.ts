import { existsSync } from 'node:fs';
import { ageInDays, STALE_AFTER_DAYS } from '../../core/vulns/db';
import { UsageError } from '../args';
import { importVulnDb, readVulnDb, storedIndexPath } from '../../host/vulndb-store';
import type { Command } from './types';

function ageLine(modified: string | null, now: Date): string {
  const age = ageInDays({ modified }, now);
  if (age === null) return 'date: unknown';
  const stale = age > STALE_AFTER_DAYS ? ` — older than ${STALE_AFTER_DAYS} days: download vulndb.zip again` : '';
  return `date: ${modified} (${age} days old)${stale}`;
}

async function status(): Promise<number> {
  const stored = storedIndexPath();
  if (!existsSync(stored)) {
    process.stdout.write('no vulnerability database imported (gobinscope vulndb import vulndb.zip)\n');
    return 1;
  }
  const index = await readVulnDb(stored);
  const lines = [`index: ${stored}`, `source: ${index.source}`, `entries: ${index.entries.length}`];
  lines.push(ageLine(index.modified, new Date()));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

export const vulndbCommand: Command = {
  usage: 'gobinscope vulndb import FILE|FOLDER | vulndb status   keep the Go vulnerability database for offline use',
  valued: [],
  booleans: [],
  async run(args) {
    const [action, ...rest] = args.positionals;
    if (action === 'status' && rest.length === 0) return status();
    if (action === 'import' && rest.length === 1) {
      const { index, stored } = await importVulnDb(rest[0]!);
      const lines = [`imported ${index.entries.length} entries from ${index.source}`, `index: ${stored}`];
      lines.push(ageLine(index.modified, new Date()));
      process.stdout.write(lines.join('\n') + '\n');
      return 0;
    }
    throw new UsageError('usage: gobinscope vulndb import FILE|FOLDER, or gobinscope vulndb status');
  },
};
