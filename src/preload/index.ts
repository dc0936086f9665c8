import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EventChannel, EventMap, GobinscopeApi, InvokeArgs, InvokeChannel, InvokeResult } from '../common/ipc';
import type { FileSource } from '../common/dto';
import { DROPPED_FILE_CHANNEL, EVENT_CHANNELS, INVOKE_CHANNELS } from '../common/ipc';
import type { Result } from '../common/result';
import { fail } from '../common/result';

/** The path of a File the user dropped or picked; '' for one the page built itself (or anything that is no File). */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file);
  } catch {
    return '';
  }
}

// The one object the renderer sees. Only the contract's channels pass; nothing else of ipcRenderer leaks out.
const api: GobinscopeApi = {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
    if (!INVOKE_CHANNELS.includes(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>;
  },
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
    if (!EVENT_CHANNELS.includes(channel)) throw new Error(`unknown event ${channel}`);
    const wrapped = (_event: Electron.IpcRendererEvent, payload: EventMap[E]): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
  // The path goes straight to main, which answers with an id: the page never holds a path it could replay.
  async sourceFor(file: File) {
    const path = pathOf(file);
    if (!path) return fail('NO_PATH', `${String(file?.name)} has no path on disk (was it dragged from another app?).`);
    return ipcRenderer.invoke(DROPPED_FILE_CHANNEL, path) as Promise<Result<FileSource>>;
  },
};

contextBridge.exposeInMainWorld('api', api);
