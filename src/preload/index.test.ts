import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GobinscopeApi } from '../common/ipc';
import { DROPPED_FILE_CHANNEL } from '../common/ipc';

// Electron's binary is not installed here: stand-ins record what the preload exposes and what it sends to main.
const state = vi.hoisted(() => ({
  api: null as unknown,
  invoked: [] as unknown[][],
  paths: new Map<object, string>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: unknown) => (state.api = api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      state.invoked.push(args);
      return { ok: true, value: { kind: 'initial', id: 'from-main' } };
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
  webUtils: {
    // As in Electron: a File from a drop or a file input has a path, one the page built has ''; no File throws.
    getPathForFile: (file: object) => {
      if (!(file instanceof File)) throw new TypeError('not a File');
      return state.paths.get(file) ?? '';
    },
  },
}));

let api: GobinscopeApi;
beforeAll(async () => {
  await import('./index');
  api = state.api as GobinscopeApi;
});

describe('what the page can reach through the preload', () => {
  it('a dropped File goes to main as its path and comes back as an id', async () => {
    const dropped = new File(['x'], 'app');
    state.paths.set(dropped, '/home/u/app');
    expect(await api.sourceFor(dropped)).toEqual({ ok: true, value: { kind: 'initial', id: 'from-main' } });
    expect(state.invoked.at(-1)).toEqual([DROPPED_FILE_CHANNEL, '/home/u/app']);
  });

  it('a File the page built itself, or something that is no File, registers nothing', async () => {
    const before = state.invoked.length;
    expect(await api.sourceFor(new File(['x'], '/etc/passwd'))).toMatchObject({
      ok: false,
      error: { code: 'NO_PATH' },
    });
    const fake = { name: '/etc/passwd', path: '/etc/passwd' } as unknown as File;
    expect(await api.sourceFor(fake)).toMatchObject({ ok: false, error: { code: 'NO_PATH' } });
    expect(state.invoked.length).toBe(before);
  });

  it('invoke() cannot reach the drop channel or any channel outside the contract', async () => {
    const before = state.invoked.length;
    const invoke = api.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
    await expect(invoke(DROPPED_FILE_CHANNEL, '/etc/passwd')).rejects.toThrow(/unknown channel/);
    await expect(invoke('files:reveal-anything', '/')).rejects.toThrow(/unknown channel/);
    expect(state.invoked.length).toBe(before);
  });
});
