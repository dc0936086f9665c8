import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRegistry } from '../../host/files';
import type { AnalysisService } from '../../host/service';
import type { VerificationService } from '../../host/verification';
import { vulnDbStatus } from '../../host/vulndb-import';
import { defaultVulnDbPath } from '../../host/vulndb-store';
import { createServeHandlers } from './handlers';

// The snapshot's date and member count come from its README and `unzip -l` (4,291 GO-*.json files).
const SNAPSHOT = 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip';
const MEMBERS = 4291;
const saved = { data: process.env.XDG_DATA_HOME, db: process.env.GOBINSCOPE_VULNDB };
const data = mkdtempSync(join(tmpdir(), 'gobinscope-vulnapp-'));
const stored = join(data, 'gobinscope', 'vulndb-index.json');
const registry = new FileRegistry(false);
const handlers = createServeHandlers({
  service: {} as AnalysisService,
  registry,
  initial: [],
  emit: () => undefined,
  vulnDb: () => defaultVulnDbPath(),
  verifier: {} as VerificationService,
});

beforeAll(() => {
  process.env.XDG_DATA_HOME = data;
  delete process.env.GOBINSCOPE_VULNDB;
});
afterAll(() => {
  process.env.XDG_DATA_HOME = saved.data;
  if (saved.db !== undefined) process.env.GOBINSCOPE_VULNDB = saved.db;
  rmSync(data, { recursive: true, force: true });
});

const upload = (bytes: Uint8Array, name = 'vulndb.zip'): string => registry.addUpload(name, bytes);

describe('serve mode: importing the vulnerability database from the page', () => {
  it('says no database is loaded before an import', async () => {
    expect(await handlers.handle('vulndb:status', [])).toEqual({ ok: true, value: null });
  });

  it('refuses a dialog import, an unknown upload and a file that is not a zip, storing nothing', async () => {
    const dialog = await handlers.handle('vulndb:import', [null]);
    expect(dialog.ok || dialog.error.code).toBe('UNSUPPORTED');
    const unknown = await handlers.handle('vulndb:import', ['no-such-upload']);
    expect(unknown.ok || unknown.error.code).toBe('UNKNOWN_FILE');
    const text = await handlers.handle('vulndb:import', [upload(new TextEncoder().encode('not a zip'), 'notes.txt')]);
    expect(text.ok || text.error.code).toBe('NOT_ZIP');
    expect(text.ok || text.error.message).toMatch(/folder cannot be uploaded/);
    expect(existsSync(stored)).toBe(false);
  });

  it('imports an uploaded zip into the data folder, and the status then names it', async () => {
    const imported = await handlers.handle('vulndb:import', [upload(new Uint8Array(readFileSync(SNAPSHOT)))]);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value?.modified?.slice(0, 10)).toBe('2026-08-21');
    expect(imported.value?.entries).toBeGreaterThan(MEMBERS * 0.9);
    expect(imported.value?.entries).toBeLessThanOrEqual(MEMBERS);
    expect(existsSync(stored)).toBe(true);
    const status = await handlers.handle('vulndb:status', []);
    expect(status).toEqual({ ok: true, value: imported.value });
    // Ten days after the snapshot's date, counted from the stored index.
    const later = await vulnDbStatus(stored, new Date('2026-08-31T23:00:00Z'));
    expect(later.ok && later.value?.ageDays).toBe(10);
  });

  it('keeps the imported index when a damaged zip is uploaded after it', async () => {
    const before = readFileSync(stored, 'utf8');
    const zip = new Uint8Array(readFileSync(SNAPSHOT));
    const damaged = await handlers.handle('vulndb:import', [upload(zip.subarray(0, zip.length >> 1))]);
    expect(damaged.ok || damaged.error.code).toBe('BAD_VULNDB');
    expect(readFileSync(stored, 'utf8')).toBe(before);
  });

  it('gives each upload once: importing the same upload again fails', async () => {
    const id = upload(new TextEncoder().encode('PK not really'));
    await handlers.handle('vulndb:import', [id]);
    const again = await handlers.handle('vulndb:import', [id]);
    expect(again.ok || again.error.code).toBe('UNKNOWN_FILE');
  });
});
