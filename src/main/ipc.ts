import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { InitialFile } from '../common/dto';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../common/ipc';
import { DROPPED_FILE_CHANNEL, INVOKE_CHANNELS } from '../common/ipc';
import { fail, ok } from '../common/result';
import { validArgs } from '../common/validate';
import { TOOL } from '../core/report/build';
import type { FileRegistry } from '../host/files';
import type { AnalysisService } from '../host/service';
import type { VerificationService } from '../host/verification';
import type { SettingsStore } from './services/recent';
import { saveExport } from './services/export';
import { importVulnDbFromDialog } from './services/vulndb';
import { vulnDbStatus } from '../host/vulndb-import';
import { isFromAppWindow, type AppPage } from './trusted-sender';
import type { UserPaths } from './user-paths';

export interface IpcDeps {
  window: () => BrowserWindow | null;
  service: AnalysisService;
  registry: FileRegistry;
  settings: SettingsStore;
  initial: InitialFile[];
  onOpened: (path: string) => void;
  userPaths: UserPaths;
  page: AppPage;
  /** The vulnerability database the next analysis uses; null for none. */
  vulnDb?: () => string | null;
  verifier: VerificationService;
}

type Handlers = {
  [C in InvokeChannel]: (event: IpcMainInvokeEvent, ...args: InvokeArgs<C>) => Promise<InvokeResult<C>>;
};

/** Only the main frame of our own window, showing our own page, may call in. */
function trustedSender(event: IpcMainInvokeEvent, deps: IpcDeps): boolean {
  return isFromAppWindow(event, deps.window(), deps.page);
}

function handlers(deps: IpcDeps): Handlers {
  return {
    'app:info': async () => ({ name: TOOL.name, version: TOOL.version, transport: 'electron' }),
    'analysis:run': async (event, jobId, sources) => {
      const resolved = deps.userPaths.resolve(sources);
      if (!resolved.ok) return resolved;
      const request = deps.registry.request(jobId, resolved.value);
      if (!request.ok) return request;
      for (const input of request.value.inputs) if (input.kind === 'path') deps.onOpened(input.path);
      return deps.service.run(request.value, {
        progress: (p) => event.sender.send('analysis:progress', p),
        partial: (p) => event.sender.send('analysis:partial', p),
      });
    },
    'analysis:cancel': async (_e, jobId) =>
      deps.service.cancel(jobId) ? ok(undefined) : fail('NO_JOB', 'No such analysis is running.'),
    'files:initial': async () => ok(deps.initial.splice(0)),
    'files:pick': async (_e, multiple) => {
      const win = deps.window();
      const options: Electron.OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return ok(chosen.canceled ? [] : chosen.filePaths.slice(0, 2).map((p) => deps.registry.register(p)));
    },
    'recent:list': async () => ok(deps.settings.recent()),
    'export:file': (_e, kind, report, extras) => saveExport(deps.window(), kind, report, extras),
    'window:set-title': async (_e, title) => {
      deps.window()?.setTitle(title);
      return ok(undefined);
    },
    'secrets:reveal': async (_e, jobId, path) => deps.service.reveal(jobId, path),
    'vulndb:status': async () => vulnDbStatus(deps.vulnDb?.() ?? null),
    'vulndb:import': (_e, upload) => importVulnDbFromDialog(deps.window(), upload),
    'signature:verify': async (_e, request) => {
      // The binary may have been opened from the recent list; the signature and key come from a drop or a picker.
      const resolved = deps.userPaths.resolve([request.file]);
      if (!resolved.ok) return resolved;
      return deps.verifier.verify({ ...request, file: resolved.value[0]! }, deps.registry);
    },
    'bytes:read': (_e, jobId, place, offset, length) => deps.service.readBytes(jobId, place, offset, length),
  };
}

export function registerIpc(deps: IpcDeps): void {
  const table = handlers(deps);
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!trustedSender(event, deps)) return fail('FORBIDDEN', 'Request from an untrusted page.');
      if (!validArgs(channel, args)) return fail('BAD_ARGS', `Invalid arguments for ${channel}.`);
      const handler = table[channel] as (e: IpcMainInvokeEvent, ...a: unknown[]) => Promise<unknown>;
      return handler(event, ...args);
    });
  }
  ipcMain.handle(DROPPED_FILE_CHANNEL, async (event, ...args: unknown[]) => {
    if (!trustedSender(event, deps)) return fail('FORBIDDEN', 'Request from an untrusted page.');
    return args.length === 1 ? deps.userPaths.registerDropped(args[0]) : fail('BAD_ARGS', 'One path per drop.');
  });
}
