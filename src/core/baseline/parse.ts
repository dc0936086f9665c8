import {
  FINGERPRINT_HEX_DIGITS,
  MAX_BASELINE_BYTES,
  MAX_BASELINE_ENTRIES,
  MAX_REASON_LENGTH,
  MAX_RULE_LENGTH,
  MAX_SUBJECT_LENGTH,
} from './limits';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './types';

/**
 * A baseline file that cannot be trusted to say what it means. Strict like the command line's arguments: a
 * misspelt key or a date that does not exist would otherwise suppress too much or too little without a word.
 */
export class BaselineError extends Error {
  constructor(
    /** Where in the document: "$", "$.entries[3].expires". */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'BaselineError';
  }
}

const TOP_KEYS = ['gobinscopeBaseline', 'entries', 'comment'];
const ENTRY_KEYS = ['rule', 'fingerprint', 'reason', 'expires', 'subject'];
const RULE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const FINGERPRINT = new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX_DIGITS}}$`);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new BaselineError(`${path}.${key}`, `unknown key; the keys here are ${allowed.join(', ')}`);
  }
}

function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') throw new BaselineError(path, 'must be a string');
  if (value.trim() === '') throw new BaselineError(path, 'must not be empty');
  if (value.length > max) throw new BaselineError(path, `is longer than ${max} characters`);
  return value;
}

/** A calendar date: "2026-02-30" is refused, not rolled over to March. */
export function isCalendarDate(value: string): boolean {
  const parts = DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function entryAt(value: unknown, path: string): BaselineEntry {
  if (!isObject(value)) throw new BaselineError(path, 'must be an object with rule, fingerprint and reason');
  checkKeys(value, ENTRY_KEYS, path);
  const rule = text(value.rule, `${path}.rule`, MAX_RULE_LENGTH);
  if (!RULE.test(rule)) throw new BaselineError(`${path}.rule`, `is not a rule id like secret.github-token`);
  const fingerprint = text(value.fingerprint, `${path}.fingerprint`, FINGERPRINT_HEX_DIGITS);
  if (!FINGERPRINT.test(fingerprint))
    throw new BaselineError(`${path}.fingerprint`, `must be ${FINGERPRINT_HEX_DIGITS} lower-case hex digits`);
  const entry: BaselineEntry = { rule, fingerprint, reason: text(value.reason, `${path}.reason`, MAX_REASON_LENGTH) };
  if (value.expires !== undefined) {
    const expires = text(value.expires, `${path}.expires`, 10);
    if (!isCalendarDate(expires))
      throw new BaselineError(`${path}.expires`, `must be a date YYYY-MM-DD (got ${JSON.stringify(expires)})`);
    entry.expires = expires;
  }
  if (value.subject !== undefined) entry.subject = text(value.subject, `${path}.subject`, MAX_SUBJECT_LENGTH);
  return entry;
}

function parseJson(bytes: Uint8Array): unknown {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new BaselineError('$', 'is not UTF-8 text');
  }
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new BaselineError('$', `is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads a baseline file; throws BaselineError, naming the place, for anything it does not accept. */
export function parseBaseline(bytes: Uint8Array): Baseline {
  if (bytes.length > MAX_BASELINE_BYTES)
    throw new BaselineError('$', `the file is ${bytes.length} bytes, more than the limit of ${MAX_BASELINE_BYTES}`);
  const doc = parseJson(bytes);
  if (!isObject(doc)) throw new BaselineError('$', 'must be an object with "gobinscopeBaseline" and "entries"');
  checkKeys(doc, TOP_KEYS, '$');
  if (doc.gobinscopeBaseline !== BASELINE_VERSION)
    throw new BaselineError('$.gobinscopeBaseline', `must be ${BASELINE_VERSION} (the version of this format)`);
  if (doc.comment !== undefined && typeof doc.comment !== 'string')
    throw new BaselineError('$.comment', 'must be a string');
  if (!Array.isArray(doc.entries)) throw new BaselineError('$.entries', 'must be an array');
  if (doc.entries.length > MAX_BASELINE_ENTRIES)
    throw new BaselineError(
      '$.entries',
      `has ${doc.entries.length} entries, more than the limit of ${MAX_BASELINE_ENTRIES}`,
    );
  const seen = new Map<string, number>();
  const entries = doc.entries.map((value: unknown, i: number) => {
    const entry = entryAt(value, `$.entries[${i}]`);
    const identity = `${entry.rule} ${entry.fingerprint}`;
    const first = seen.get(identity);
    // Two reasons for one result: which one holds would be a guess.
    if (first !== undefined) throw new BaselineError(`$.entries[${i}]`, `repeats $.entries[${first}]`);
    seen.set(identity, i);
    return entry;
  });
  return { entries };
}
