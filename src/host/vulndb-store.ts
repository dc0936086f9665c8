import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, relative } from 'node:path';
import {
  MAX_VULNDB_BYTES,
  indexFromFiles,
  indexFromZip,
  isVulnDbMember,
  loadIndex,
  serializeIndex,
  type VulnDbFile,
  type VulnIndex,
} from '../core/vulns/db';
import { FormatError } from '../core/io/errors';

/** A database that is missing or unreadable: bad input, exit 2 in the CLI. Kept here so the app's main process can
 * use this module without loading the analysis. */
export class VulnDbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VulnDbError';
  }
}

/**
 * Where the imported vulnerability index lives: the user's data folder (XDG_DATA_HOME/gobinscope, else
 * ~/.local/share/gobinscope), never next to the file being analysed. The CLI, serve mode and the desktop app share it.
 */
export function vulnDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'gobinscope');
}

export function storedIndexPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(vulnDataFolder(env), 'vulndb-index.json');
}

async function folderFiles(root: string): Promise<VulnDbFile[]> {
  const files: VulnDbFile[] = [];
  let total = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(root, path).split('\\').join('/');
    if (!isVulnDbMember(name)) continue;
    const bytes = new Uint8Array(await readFile(path));
    total += bytes.length;
    if (total > MAX_VULNDB_BYTES) throw new FormatError(0, `${basename(root)} holds more than 1 GiB of entries`);
    files.push({ name, bytes });
  }
  return files;
}

/** Reads a database given as a vulndb.zip or OSV zip, a folder of either, or an index stored by import. */
export async function readVulnDb(path: string): Promise<VulnIndex> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new VulnDbError(`vulnerability database ${path} does not exist`);
  try {
    if (info.isDirectory()) return indexFromFiles(await folderFiles(path), basename(path));
    const bytes = new Uint8Array(await readFile(path));
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return indexFromZip(bytes, basename(path));
    return loadIndex(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof FormatError) throw new VulnDbError(`vulnerability database ${path}: ${error.message}`);
    throw error;
  }
}

/**
 * The database for an analysis: --vulndb, else GOBINSCOPE_VULNDB, else the imported index when there is one;
 * null when none of them is set, and the report then says no database was loaded.
 */
export async function resolveVulnDb(flag: string | true | undefined, env = process.env): Promise<VulnIndex | null> {
  if (flag === true) throw new VulnDbError('--vulndb needs a path');
  const chosen = flag ?? (env.GOBINSCOPE_VULNDB || undefined);
  if (chosen) return readVulnDb(chosen);
  const stored = storedIndexPath(env);
  return existsSync(stored) ? readVulnDb(stored) : null;
}

/** The path a host (the desktop app, serve mode) matches against: GOBINSCOPE_VULNDB, else the imported index. */
export function defaultVulnDbPath(env = process.env): string | null {
  if (env.GOBINSCOPE_VULNDB) return env.GOBINSCOPE_VULNDB;
  const stored = storedIndexPath(env);
  return existsSync(stored) ? stored : null;
}

/** Indexes a database once and stores the index in the data folder; written to a temporary name, then renamed. */
export async function importVulnDb(path: string, env = process.env): Promise<{ index: VulnIndex; stored: string }> {
  const index = await readVulnDb(path);
  const stored = storedIndexPath(env);
  await mkdir(vulnDataFolder(env), { recursive: true });
  const temporary = `${stored}.${process.pid}.tmp`;
  await writeFile(temporary, serializeIndex(index));
  await rename(temporary, stored);
  return { index, stored };
}
