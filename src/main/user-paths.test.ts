import { describe, expect, it } from 'vitest';
import type { RecentFile } from '../common/dto';
import { FileRegistry } from '../host/files';
import { UserPaths } from './user-paths';

const recent: RecentFile[] = [{ path: '/data/old.bin', name: 'old.bin', openedAt: '2026-01-01T00:00:00Z', id: 'r1' }];

function setup() {
  const registry = new FileRegistry(false);
  return { registry, paths: new UserPaths(registry, () => recent) };
}

describe('files reach an analysis only by ids of paths the user gave', () => {
  it('a path the page names is refused', () => {
    const { registry } = setup();
    expect(registry.request('job', [{ kind: 'path', path: '/etc/passwd' }])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a dropped path is registered and read by its id', () => {
    const { registry, paths } = setup();
    const source = paths.registerDropped('/home/u/Downloads/app');
    expect(source).toMatchObject({ ok: true, value: { kind: 'initial' } });
    if (!source.ok) return;
    expect(registry.request('job', [source.value])).toMatchObject({
      ok: true,
      value: { inputs: [{ kind: 'path', path: '/home/u/Downloads/app', name: 'app' }] },
    });
  });

  it.each([
    ['a relative path', 'app'],
    ['an empty path', ''],
    ['a NUL byte', '/tmp/a\0b'],
    ['a path longer than any file name', `/${'a'.repeat(5000)}`],
    ['not a string', 42],
  ])('a drop with %s is refused', (_label, path) => {
    expect(setup().paths.registerDropped(path)).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });

  it('a recent entry opens by its id; an id not in the list is refused', () => {
    const { registry, paths } = setup();
    const resolved = paths.resolve([{ kind: 'recent', id: 'r1' }]);
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(registry.request('job', resolved.value)).toMatchObject({
      ok: true,
      value: { inputs: [{ path: '/data/old.bin' }] },
    });
    expect(paths.resolve([{ kind: 'recent', id: 'nope' }])).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_FILE' },
    });
  });

  it('a recent source reaching the registry unresolved (serve mode) is refused', () => {
    expect(setup().registry.request('job', [{ kind: 'recent', id: 'r1' }])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
