import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileRegistry } from './files';
import { MAX_UPLOADS, UPLOAD_TTL_MS } from './limits';

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

describe('FileRegistry uploads and what they hold', () => {
  afterEach(() => vi.useRealTimers());

  it('hands the release to the request, which gives it back once', () => {
    const registry = new FileRegistry(false);
    let released = 0;
    const id = registry.addUpload('a.bin', new Uint8Array(4), () => released++);
    const request = registry.request('job', [{ kind: 'upload', id }]);
    expect(released).toBe(0);
    expect(registry.heldUploads).toBe(0);
    if (!request.ok) throw new Error('request failed');
    request.value.release?.();
    request.value.release?.();
    expect(released).toBe(1);
  });

  it('releases an upload already taken when the other source of the pair is refused', () => {
    const registry = new FileRegistry(false);
    let released = 0;
    const id = registry.addUpload('a.bin', new Uint8Array(4), () => released++);
    const request = registry.request('job', [
      { kind: 'upload', id },
      { kind: 'path', path: '/etc/passwd' },
    ]);
    expect(request).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(released).toBe(1);
  });

  it('drops an upload nobody analysed within UPLOAD_TTL_MS, and releases it', () => {
    vi.useFakeTimers();
    const registry = new FileRegistry(false);
    let released = 0;
    const id = registry.addUpload('late.bin', new Uint8Array(4), () => released++);
    vi.advanceTimersByTime(UPLOAD_TTL_MS - 1);
    expect([registry.heldUploads, released]).toEqual([1, 0]);
    vi.advanceTimersByTime(1);
    expect([registry.heldUploads, released]).toEqual([0, 1]);
    expect(registry.request('job', [{ kind: 'upload', id }])).toMatchObject({ error: { code: 'UNKNOWN_FILE' } });
  });

  it('drops and releases the oldest upload when a new one passes MAX_UPLOADS', () => {
    const registry = new FileRegistry(false);
    const released: number[] = [];
    const ids = Array.from({ length: MAX_UPLOADS + 1 }, (_, i) =>
      registry.addUpload(`${i}.bin`, new Uint8Array(1), () => released.push(i)),
    );
    expect(released).toEqual([0]);
    expect(registry.heldUploads).toBe(MAX_UPLOADS);
    expect(registry.request('job', [{ kind: 'upload', id: ids[0]! }])).toMatchObject({ ok: false });
    expect(registry.request('job', [{ kind: 'upload', id: ids[1]! }])).toMatchObject({ ok: true });
  });
});
