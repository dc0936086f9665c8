import type { FileSource } from './dto';
import type { InvokeArgs, InvokeChannel } from './ipc';
import { INVOKE_CHANNELS } from './ipc';

/** Arguments arrive from a renderer or over HTTP: check every one before use. */
const MAX_TEXT = 64 * 1024 * 1024;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function isString(value: unknown, max = 4096): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

export function isFileSource(value: unknown): value is FileSource {
  if (typeof value !== 'object' || value === null) return false;
  const source = value as Record<string, unknown>;
  if (source.kind === 'path') return isString(source.path) && !source.path.includes('\0');
  if (source.kind === 'upload' || source.kind === 'initial') return isString(source.id) && ID.test(source.id);
  return false;
}

const CHECKS: { [C in InvokeChannel]: (args: unknown[]) => boolean } = {
  'app:info': (a) => a.length === 0,
  'analysis:run': (a) =>
    a.length === 2 && isString(a[0]) && ID.test(a[0]) && Array.isArray(a[1]) && a[1].length >= 1 && a[1].length <= 2 && a[1].every(isFileSource),
  'analysis:cancel': (a) => a.length === 1 && isString(a[0]) && ID.test(a[0]),
  'files:initial': (a) => a.length === 0,
  'files:pick': (a) => a.length === 1 && typeof a[0] === 'boolean',
  'recent:list': (a) => a.length === 0,
  'export:save': (a) => a.length === 2 && isString(a[0], 255) && !/[/\\]/.test(a[0]) && typeof a[1] === 'string' && a[1].length <= MAX_TEXT,
  'window:set-title': (a) => a.length === 1 && typeof a[0] === 'string' && a[0].length <= 512,
};

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function validArgs<C extends InvokeChannel>(channel: C, args: unknown[]): args is InvokeArgs<C> {
  return Array.isArray(args) && CHECKS[channel](args);
}
