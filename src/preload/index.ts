import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { EventChannel, EventMap, GobinscopeApi, InvokeArgs, InvokeChannel, InvokeResult } from '../common/ipc';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../common/ipc';
import { fail, ok } from '../common/result';

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
  async sourceFor(file: File) {
    const path = webUtils.getPathForFile(file);
    return path
      ? ok({ kind: 'path', path })
      : fail('NO_PATH', `${file.name} has no path on disk (was it dragged from another app?).`);
  },
};

contextBridge.exposeInMainWorld('api', api);
