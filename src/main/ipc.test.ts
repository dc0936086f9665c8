import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecentFile } from '../common/dto';
import { DROPPED_FILE_CHANNEL } from '../common/ipc';
import { FileRegistry } from '../host/files';
import type { AnalysisService } from '../host/service';
import type { SourceRegistry, VerificationService } from '../host/verification';
import type { VerifyRequest } from '../common/verify';
import type { SettingsStore } from './services/recent';
import { appPage, type FrameLike } from './trusted-sender';
import { UserPaths } from './user-paths';

// Electron's binary is not installed here: a stand-in ipcMain keeps the handlers so the test can call them.
const handlers = vi.hoisted(() => new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: never) => handlers.set(channel, handler) },
  dialog: {},
  BrowserWindow: class {},
}));

const { registerIpc } = await import('./ipc');

const page = appPage('/app/out/main/', {}, true);
const mainFrame: FrameLike = { url: page.fileUrl, processId: 3, routingId: 1, parent: null };
const webContents = { mainFrame, send: () => undefined };
const window = { isDestroyed: () => false, webContents, setTitle: () => undefined };
const recent: RecentFile[] = [{ path: '/data/old.bin', name: 'old.bin', openedAt: '', id: 'recent-1' }];
const ran: string[][] = [];
const checked: unknown[][] = [];

beforeAll(() => {
  const registry = new FileRegistry(false);
  const service = {
    run: async (request: { inputs: { path: string }[] }) => {
      ran.push(request.inputs.map((i) => i.path));
      return { ok: true, value: null };
    },
  } as unknown as AnalysisService;
  registerIpc({
    window: () => window as never,
    service,
    registry,
    settings: { recent: () => recent } as unknown as SettingsStore,
    initial: [],
    onOpened: () => undefined,
    userPaths: new UserPaths(registry, () => recent),
    page,
    // Records what a check would read, as the real service asks the registry for it.
    verifier: {
      verify: async (request: VerifyRequest, sources: SourceRegistry) => {
        const taken = sources.request('verify', [request.file, request.signature!]);
        if (!taken.ok) return taken;
        checked.push(taken.value.inputs.map((i) => (i.kind === 'path' ? i.path : i.name)));
        return { ok: true, value: null };
      },
    } as unknown as VerificationService,
  });
});

const fromApp = { sender: webContents, senderFrame: mainFrame };
const call = (event: unknown, channel: string, ...args: unknown[]) => handlers.get(channel)!(event, ...args);

describe('IPC from the app window', () => {
  it('refuses a path named by the page', async () => {
    const result = await call(fromApp, 'analysis:run', 'job-1', [{ kind: 'path', path: '/etc/passwd' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ran).toEqual([]);
  });

  it('reads a dropped file by the id the drop channel returned', async () => {
    const source = (await call(fromApp, DROPPED_FILE_CHANNEL, '/home/u/app')) as { ok: true; value: unknown };
    expect(source).toMatchObject({ ok: true, value: { kind: 'initial' } });
    await call(fromApp, 'analysis:run', 'job-2', [source.value]);
    expect(ran.at(-1)).toEqual(['/home/u/app']);
  });

  it('opens a recent entry by its id', async () => {
    await call(fromApp, 'analysis:run', 'job-3', [{ kind: 'recent', id: 'recent-1' }]);
    expect(ran.at(-1)).toEqual(['/data/old.bin']);
  });
});

describe('signature checks from the app window', () => {
  const request = (file: unknown, signature: unknown) => ({
    file,
    signature,
    key: null,
    trustedRoot: null,
    goSum: null,
  });

  it('checks a recent binary against a dropped signature, by their paths on disk', async () => {
    const dropped = (await call(fromApp, DROPPED_FILE_CHANNEL, '/home/u/app.minisig')) as { value: unknown };
    await call(fromApp, 'signature:verify', request({ kind: 'recent', id: 'recent-1' }, dropped.value));
    expect(checked.at(-1)).toEqual(['/data/old.bin', '/home/u/app.minisig']);
  });

  it('refuses a signature path named by the page', async () => {
    const dropped = (await call(fromApp, DROPPED_FILE_CHANNEL, '/home/u/app')) as { value: unknown };
    const result = await call(
      fromApp,
      'signature:verify',
      request(dropped.value, { kind: 'path', path: '/etc/shadow' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('IPC from anything else is refused', () => {
  const iframe = { ...mainFrame, routingId: 7, parent: mainFrame };
  const otherPage = { ...mainFrame, url: 'file:///tmp/dropped.html' };
  it.each([
    ['an iframe', { sender: webContents, senderFrame: iframe }],
    ['another file:// page in the window', { sender: webContents, senderFrame: otherPage }],
    ['another window', { sender: { mainFrame }, senderFrame: mainFrame }],
  ])('%s', async (_label, event) => {
    for (const channel of ['app:info', 'recent:list', 'signature:verify', DROPPED_FILE_CHANNEL]) {
      expect(await call(event, channel, ...(channel === DROPPED_FILE_CHANNEL ? ['/x'] : []))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });
});
