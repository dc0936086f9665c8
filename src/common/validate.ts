import type { FileSource } from './dto';
import type { InvokeArgs, InvokeChannel } from './ipc';
import { INVOKE_CHANNELS } from './ipc';
import { EXPORT_KINDS } from '../core/report/export-kinds';
import { MAX_FILE_SIZE } from '../core/io/limits';

/** The most bytes one 'bytes:read' returns (host/limits.ts keeps the same number for the host). */
export const MAX_BYTE_WINDOW = 4096;

/** Arguments arrive from a renderer or over HTTP: check every one before use. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A path into an outcome: field names and indexes separated by slashes. */
const REVEAL_PATH = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+){0,15}$/;

function isString(value: unknown, max = 4096): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** A whole number from 0 to `max`. */
function isCount(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of a Report to render exports from; the renderers treat every string in it as untrusted text. */
function isReport(value: unknown): boolean {
  if (!isObject(value) || typeof value.schemaVersion !== 'number' || !isObject(value.file)) return false;
  return typeof value.file.name === 'string' && Array.isArray(value.findings) && Array.isArray(value.sections);
}

export function isFileSource(value: unknown): value is FileSource {
  if (typeof value !== 'object' || value === null) return false;
  const source = value as Record<string, unknown>;
  if (source.kind === 'path') return isString(source.path) && !source.path.includes('\0');
  if (source.kind === 'upload' || source.kind === 'initial' || source.kind === 'recent')
    return isString(source.id) && ID.test(source.id);
  return false;
}

const CHECKS: { [C in InvokeChannel]: (args: unknown[]) => boolean } = {
  'app:info': (a) => a.length === 0,
  'analysis:run': (a) =>
    a.length === 2 &&
    isString(a[0]) &&
    ID.test(a[0]) &&
    Array.isArray(a[1]) &&
    a[1].length >= 1 &&
    a[1].length <= 2 &&
    a[1].every(isFileSource),
  'analysis:cancel': (a) => a.length === 1 && isString(a[0]) && ID.test(a[0]),
  'files:initial': (a) => a.length === 0,
  'files:pick': (a) => a.length === 1 && typeof a[0] === 'boolean',
  'recent:list': (a) => a.length === 0,
  'export:file': (a) =>
    a.length === 3 &&
    (EXPORT_KINDS as readonly unknown[]).includes(a[0]) &&
    isReport(a[1]) &&
    (a[2] === null || isObject(a[2])),
  'window:set-title': (a) => a.length === 1 && typeof a[0] === 'string' && a[0].length <= 512,
  'secrets:reveal': (a) =>
    a.length === 2 && isString(a[0]) && ID.test(a[0]) && isString(a[1], 512) && REVEAL_PATH.test(a[1]),
  'vulndb:status': (a) => a.length === 0,
  'vulndb:import': (a) => a.length === 1 && (a[0] === null || (isString(a[0]) && ID.test(a[0]))),
  'signature:verify': (a) => a.length === 1 && isVerifyRequest(a[0]),
  'bytes:read': (a) =>
    a.length === 4 &&
    isString(a[0]) &&
    ID.test(a[0]) &&
    (a[1] === 'analysis' || a[1] === 'a' || a[1] === 'b') &&
    isCount(a[2], MAX_FILE_SIZE) &&
    isCount(a[3], MAX_BYTE_WINDOW) &&
    a[3] > 0,
};

const VERIFY_FIELDS = ['file', 'signature', 'key', 'trustedRoot', 'goSum'];

/** The binary's source and, for each of the others, a source or null; nothing else. */
function isVerifyRequest(value: unknown): boolean {
  if (!isObject(value) || !isFileSource(value.file)) return false;
  const keys = Object.keys(value);
  if (keys.length !== VERIFY_FIELDS.length || !keys.every((key) => VERIFY_FIELDS.includes(key))) return false;
  return VERIFY_FIELDS.slice(1).every((key) => value[key] === null || isFileSource(value[key]));
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function validArgs<C extends InvokeChannel>(channel: C, args: unknown[]): args is InvokeArgs<C> {
  return Array.isArray(args) && CHECKS[channel](args);
}
