import { describe, expect, it } from 'vitest';
import { FileRegistry } from './files';

describe('FileRegistry', () => {
  it('refuses arbitrary paths when the transport is a browser', () => {
    const registry = new FileRegistry(false);
    const result = registry.request('job-1', [{ kind: 'path', path: '/etc/passwd' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('resolves registered files and uploads, each upload once', () => {
    const registry = new FileRegistry(false);
    const named = registry.register('/data/app.bin');
    expect(named.name).toBe('app.bin');
    expect(registry.request('job-1', [named.source])).toMatchObject({
      ok: true,
      value: { inputs: [{ kind: 'path', path: '/data/app.bin' }] },
    });
    const id = registry.addUpload('up.bin', new Uint8Array([1, 2, 3]));
    expect(registry.request('job-2', [{ kind: 'upload', id }])).toMatchObject({
      ok: true,
      value: { inputs: [{ kind: 'bytes', name: 'up.bin' }] },
    });
    expect(registry.request('job-3', [{ kind: 'upload', id }])).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_FILE' },
    });
  });

  it('accepts paths from the desktop renderer, and fails a pair when one side is refused', () => {
    const desktop = new FileRegistry(true);
    expect(desktop.request('job-1', [{ kind: 'path', path: '/x/y' }])).toMatchObject({
      ok: true,
      value: { inputs: [{ path: '/x/y', name: 'y' }] },
    });
    const browser = new FileRegistry(false);
    const named = browser.register('/a');
    expect(browser.request('job-2', [named.source, { kind: 'path', path: '/b' }])).toMatchObject({ ok: false });
  });
});
