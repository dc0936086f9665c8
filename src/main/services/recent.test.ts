import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './recent';

const dirs: string[] = [];
function userData(settings?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-settings-'));
  dirs.push(dir);
  if (settings !== undefined) writeFileSync(join(dir, 'gobinscope-settings.json'), JSON.stringify(settings));
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('recent files carry an id the page opens them by', () => {
  it('a new entry gets an id, kept across restarts', () => {
    const dir = userData();
    const store = new SettingsStore(dir);
    store.addRecent('/data/a.bin');
    store.addRecent('/data/b.bin');
    const [b, a] = store.recent();
    expect(a).toMatchObject({ path: '/data/a.bin', name: 'a.bin' });
    expect(b!.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(a!.id).not.toBe(b!.id);
    expect(new SettingsStore(dir).recent().map((r) => r.id)).toEqual([b!.id, a!.id]);
    store.addRecent('/data/a.bin');
    expect(store.recent().map((r) => r.id)).toEqual([a!.id, b!.id]);
    expect(JSON.parse(readFileSync(join(dir, 'gobinscope-settings.json'), 'utf8')).recent).toHaveLength(2);
  });

  it('entries written before ids existed get one; malformed entries are dropped', () => {
    const store = new SettingsStore(
      userData({ recent: [{ path: '/old/x', name: 'x', openedAt: '2025-01-01' }, { name: 'no path' }, 7, null] }),
    );
    expect(store.recent()).toEqual([{ path: '/old/x', name: 'x', openedAt: '2025-01-01', id: expect.any(String) }]);
  });
});
