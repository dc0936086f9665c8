import { unzipSync } from 'fflate';
import { FormatError } from '../io/errors';
import { parseOsv, type VulnEntry } from './osv';

/**
 * The Go vulnerability database as Gobinscope keeps it after one import: the entries reduced to what matching
 * needs, with the database's date. Imported from vuln.go.dev's `vulndb.zip` (`index/db.json`, `ID/GO-*.json`), a
 * zip of flat OSV files (OSV.dev's `Go/all.zip`), or the files of a folder of either shape.
 */
export const VULN_INDEX_SCHEMA = 1;
/** Entries the database may hold; the real one has a few thousand. */
export const MAX_VULN_ENTRIES = 200_000;
/** Bytes of JSON an import may unpack: a zip that inflates past this is refused as a zip bomb. */
export const MAX_VULNDB_BYTES = 1024 * 1024 * 1024;
/** A database this many days old is flagged as stale. */
export const STALE_AFTER_DAYS = 30;

export interface VulnDbFile {
  name: string;
  bytes: Uint8Array;
}

export interface VulnIndexData {
  schema: number;
  /** When the database was last changed (index/db.json, else the newest entry or zip member), ISO 8601. */
  modified: string | null;
  /** Where it came from: the imported file's name. */
  source: string;
  entries: VulnEntry[];
}

export interface VulnIndex extends VulnIndexData {
  byModule: Map<string, VulnEntry[]>;
}

const ENTRY_NAME = /(^|\/)GO-\d{4}-\d{4,}\.json$/;
const DB_META = /(^|\/)index\/db\.json$/;
const ZERO_DATE = /^0001-/;

export function isVulnDbMember(name: string): boolean {
  return ENTRY_NAME.test(name) || DB_META.test(name);
}

function parseJson(file: VulnDbFile): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch {
    throw new FormatError(0, `${file.name} is not JSON`);
  }
}

/** Builds the index from database files; `fallbackDate` is used when neither db.json nor the entries give one. */
export function indexFromFiles(
  files: Iterable<VulnDbFile>,
  source: string,
  fallbackDate: string | null = null,
): VulnIndex {
  const entries = new Map<string, VulnEntry>();
  let modified: string | null = null;
  let newestEntry: string | null = null;
  for (const file of files) {
    if (DB_META.test(file.name)) {
      const meta = parseJson(file) as { modified?: unknown };
      if (typeof meta?.modified === 'string') modified = meta.modified;
      continue;
    }
    if (!ENTRY_NAME.test(file.name)) continue;
    const entry = parseOsv(parseJson(file));
    if (!entry) continue;
    if (entries.size >= MAX_VULN_ENTRIES) throw new FormatError(0, `more than ${MAX_VULN_ENTRIES} entries`);
    entries.set(entry.id, entry);
    if (!ZERO_DATE.test(entry.modified) && (newestEntry === null || entry.modified > newestEntry))
      newestEntry = entry.modified;
  }
  if (entries.size === 0) throw new FormatError(0, `${source} holds no Go vulnerability entries (GO-YYYY-NNNN.json)`);
  const sorted = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return withModules({
    schema: VULN_INDEX_SCHEMA,
    modified: modified ?? newestEntry ?? fallbackDate,
    source,
    entries: sorted,
  });
}

export function withModules(data: VulnIndexData): VulnIndex {
  const byModule = new Map<string, VulnEntry[]>();
  for (const entry of data.entries) {
    for (const module of new Set(entry.affected.map((a) => a.module))) {
      let list = byModule.get(module);
      if (!list) byModule.set(module, (list = []));
      list.push(entry);
    }
  }
  return { ...data, byModule };
}

/** The newest modification time recorded in a zip's central directory (DOS date and time), as ISO 8601. */
export function newestZipDate(zip: Uint8Array): string | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let newest = 0;
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const stamp = Date.UTC(
      1980 + (date >> 9),
      ((date >> 5) & 15) - 1,
      date & 31,
      time >> 11,
      (time >> 5) & 63,
      (time & 31) * 2,
    );
    if (Number.isFinite(stamp) && stamp > newest) newest = stamp;
    at += 45;
  }
  return newest > 0 ? new Date(newest).toISOString() : null;
}

/** Reads a database zip in memory (never extracted to disk); members other than database files are skipped. */
export function indexFromZip(zip: Uint8Array, source: string): VulnIndex {
  let total = 0;
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(zip, {
      filter: (file) => {
        if (!isVulnDbMember(file.name)) return false;
        total += file.originalSize;
        if (total > MAX_VULNDB_BYTES) throw new FormatError(0, `${source} unpacks to more than 1 GiB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(
      0,
      `${source} is not a readable zip (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const files = Object.entries(members).map(([name, bytes]) => ({ name, bytes }));
  return indexFromFiles(files, source, newestZipDate(zip));
}

/** The index as stored in the data folder: plain JSON, loaded without re-reading the database. */
export function serializeIndex(index: VulnIndex): string {
  const { byModule: _unused, ...data } = index;
  void _unused;
  return JSON.stringify(data);
}

export function loadIndex(text: string): VulnIndex {
  let data: VulnIndexData;
  try {
    data = JSON.parse(text) as VulnIndexData;
  } catch {
    throw new FormatError(0, 'the stored vulnerability index is not JSON; import the database again');
  }
  if (data?.schema !== VULN_INDEX_SCHEMA || !Array.isArray(data.entries))
    throw new FormatError(0, 'the stored vulnerability index is from another version; import the database again');
  return withModules(data);
}

/** Days between the database's date and `now`, or null when the database has no date. */
export function ageInDays(index: Pick<VulnIndexData, 'modified'>, now: Date): number | null {
  if (!index.modified) return null;
  const modified = Date.parse(index.modified);
  return Number.isFinite(modified) ? Math.floor((now.getTime() - modified) / 86_400_000) : null;
}
