import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../common/result';
import { fail, ok } from '../common/result';
import type { VulnDbInfo } from '../core/report/types';
import { ageInDays, type VulnIndex } from '../core/vulns/db';
import { VulnDbError, importVulnDb, readVulnDb } from './vulndb-store';

/**
 * The window's side of the vulnerability database: status and import as Result values, for the desktop app's IPC
 * handlers and serve mode's. Both import into the data folder the CLI uses (vulnDataFolder), so one import serves all.
 */

/** What the window shows of a database; computed here so the main process need not load the matcher. */
function infoOf(index: VulnIndex, now: Date): VulnDbInfo {
  return {
    source: index.source,
    modified: index.modified,
    ageDays: ageInDays(index, now),
    entries: index.entries.length,
  };
}

function asFailure(error: unknown): Result<never> {
  if (error instanceof VulnDbError) return fail('BAD_VULNDB', `${error.message}.`);
  return fail('IMPORT_FAILED', 'The vulnerability database could not be imported.', String(error));
}

/** The database the next analysis will use (`path` as the host resolves it), or null when none is loaded. */
export async function vulnDbStatus(path: string | null, now = new Date()): Promise<Result<VulnDbInfo | null>> {
  if (path === null) return ok(null);
  try {
    return ok(infoOf(await readVulnDb(path), now));
  } catch (error) {
    return asFailure(error);
  }
}

/** Imports a zip or folder the user chose in a native dialog. */
export async function importVulnDbPath(path: string, env = process.env): Promise<Result<VulnDbInfo>> {
  try {
    const { index } = await importVulnDb(path, env);
    return ok(infoOf(index, new Date()));
  } catch (error) {
    return asFailure(error);
  }
}

/**
 * Imports a zip uploaded from a browser. The bytes go through a private temporary folder because the store reads
 * by path; `name` is kept as the database's source.
 */
export async function importVulnDbBytes(
  bytes: Uint8Array,
  name: string,
  env = process.env,
): Promise<Result<VulnDbInfo>> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return fail(
      'NOT_ZIP',
      `${name} is not a zip. Upload vulndb.zip from vuln.go.dev or an OSV zip; a folder cannot be uploaded, ` +
        'import it with `gobinscope vulndb import FOLDER` instead.',
    );
  const folder = await mkdtemp(join(tmpdir(), 'gobinscope-vulndb-'));
  try {
    const safeName = name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 128) || 'vulndb.zip';
    const file = join(folder, safeName);
    await writeFile(file, bytes);
    return await importVulnDbPath(file, env);
  } catch (error) {
    return asFailure(error);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
