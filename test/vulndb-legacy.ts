import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

interface LegacyEntry {
  id: string;
  modified: string;
  affected?: { package?: { name?: string } }[];
}

/** Module paths as the database's file names spell them: upper-case letters as "!" and the lower-case letter. */
function escapedPath(module: string): string {
  return module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/**
 * Writes a flat OSV zip out in the older layout govulncheck's 2023 builds read through GOVULNDB=file://: index.json
 * (module → newest modified time), one JSON array of entries per module ("stdlib.json" for the standard library)
 * and ID/GO-*.json. Only for tests: the expected answers then come from govulncheck, not from our reader.
 */
export function writeLegacyVulnDb(zipPath: string, folder: string): void {
  const members = unzipSync(new Uint8Array(readFileSync(zipPath)), { filter: (f) => /GO-\d+-\d+\.json$/.test(f.name) });
  const byModule = new Map<string, LegacyEntry[]>();
  mkdirSync(join(folder, 'ID'), { recursive: true });
  for (const [name, bytes] of Object.entries(members)) {
    const entry = JSON.parse(new TextDecoder().decode(bytes)) as LegacyEntry;
    writeFileSync(join(folder, 'ID', name.split('/').pop()!), bytes);
    for (const module of new Set((entry.affected ?? []).map((a) => a.package?.name ?? ''))) {
      if (!module) continue;
      let list = byModule.get(module);
      if (!list) byModule.set(module, (list = []));
      list.push(entry);
    }
  }
  const index: Record<string, string> = {};
  for (const [module, entries] of byModule) {
    index[module] = entries.reduce((newest, e) => (e.modified > newest ? e.modified : newest), '');
    const file = join(folder, `${escapedPath(module)}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(entries));
  }
  writeFileSync(join(folder, 'index.json'), JSON.stringify(index));
  writeFileSync(join(folder, 'aliases.json'), '{}');
}
