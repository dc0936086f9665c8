import type { FileSource } from '../../common/dto';
import type { EventChannel, EventMap, GobinscopeApi, InvokeArgs, InvokeChannel, InvokeResult } from '../../common/ipc';
import type { Result } from '../../common/result';
import { fail } from '../../common/result';

/**
 * The only module that touches window.api. Inside the desktop app the preload provides it; in serve mode the same
 * contract is carried over HTTP to the local server (the token is the first path segment of the page URL).
 */
function httpApi(): GobinscopeApi {
  const base = window.location.pathname.replace(/[^/]*$/, '');
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const events = new EventSource(`${base}api/events`);
  events.onmessage = (message: MessageEvent<string>) => {
    const { channel, payload } = JSON.parse(message.data) as { channel: string; payload: unknown };
    listeners.get(channel)?.forEach((listener) => listener(payload));
  };
  return {
    async invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
      const response = await fetch(`${base}api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      return (await response.json()) as InvokeResult<C>;
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    async sourceFor(file: File): Promise<Result<FileSource>> {
      try {
        const response = await fetch(`${base}api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          body: file,
        });
        return (await response.json()) as Result<FileSource>;
      } catch (error) {
        return fail('UPLOAD_FAILED', `${file.name} could not be sent to the analysis service.`, String(error));
      }
    },
  };
}

export const api: GobinscopeApi = window.api ?? httpApi();
export const isDesktop = window.api !== undefined;
