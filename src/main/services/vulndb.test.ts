import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Electron's binary is not installed here: stand-in dialogs answer as the user would.
const answers = vi.hoisted(() => ({ kind: 0, open: { canceled: false, filePaths: [] as string[] } }));
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async () => ({ response: answers.kind }),
    showOpenDialog: async () => answers.open,
  },
}));

const { importVulnDbFromDialog } = await import('./vulndb');

const SNAPSHOT = 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip';
const saved = process.env.XDG_DATA_HOME;
const data = mkdtempSync(join(tmpdir(), 'gobinscope-vulnapp-main-'));
const stored = join(data, 'gobinscope', 'vulndb-index.json');

beforeAll(() => {
  process.env.XDG_DATA_HOME = data;
});
afterAll(() => {
  process.env.XDG_DATA_HOME = saved;
  rmSync(data, { recursive: true, force: true });
});

describe('the app imports the vulnerability database from a native dialog', () => {
  it('does nothing when the user cancels either dialog', async () => {
    answers.kind = 2;
    expect(await importVulnDbFromDialog(null, null)).toEqual({ ok: true, value: null });
    answers.kind = 0;
    answers.open = { canceled: true, filePaths: [] };
    expect(await importVulnDbFromDialog(null, null)).toEqual({ ok: true, value: null });
    expect(existsSync(stored)).toBe(false);
  });

  it('refuses uploads: the app reads only what its own dialog chose', async () => {
    const result = await importVulnDbFromDialog(null, 'abc');
    expect(result.ok || result.error.code).toBe('UNSUPPORTED');
  });

  it('imports the chosen zip into the data folder the CLI uses', async () => {
    answers.open = { canceled: false, filePaths: [SNAPSHOT] };
    const result = await importVulnDbFromDialog(null, null);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value?.source).toBe('go-vulndb-osv-2026-08-21.zip');
    expect(result.value?.modified?.slice(0, 10)).toBe('2026-08-21');
    expect(existsSync(stored)).toBe(true);
  });

  it('answers a missing path as data, not as a thrown error', async () => {
    answers.open = { canceled: false, filePaths: [join(data, 'gone.zip')] };
    const result = await importVulnDbFromDialog(null, null);
    expect(result.ok || result.error.code).toBe('BAD_VULNDB');
  });
});
