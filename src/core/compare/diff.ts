import type { CappedList } from './types';

/** A list cut to `limit` items, saying how many there were. */
export function capped<T>(items: T[], limit: number): CappedList<T> {
  return { count: items.length, items: items.slice(0, limit), truncated: items.length > limit };
}

/** Members of `from` that `other` lacks, sorted so the output does not depend on file order. */
export function missingFrom(from: Set<string>, other: Set<string>): string[] {
  const missing: string[] = [];
  for (const value of from) if (!other.has(value)) missing.push(value);
  return missing.sort();
}

export interface KeyedDiff<T> {
  added: { key: string; after: T }[];
  removed: { key: string; before: T }[];
  changed: { key: string; before: T; after: T }[];
  unchanged: number;
}

/**
 * Entries of two keyed collections sorted into added, removed, changed and unchanged. The first entry wins when
 * a key repeats, which is what the readers show first too.
 */
export function diffByKey<T>(a: T[], b: T[], keyOf: (item: T) => string, same: (x: T, y: T) => boolean): KeyedDiff<T> {
  const before = firstByKey(a, keyOf);
  const after = firstByKey(b, keyOf);
  const result: KeyedDiff<T> = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now === undefined) result.removed.push({ key, before: old });
    else if (same(old, now)) result.unchanged++;
    else result.changed.push({ key, before: old, after: now });
  }
  for (const [key, now] of after) if (!before.has(key)) result.added.push({ key, after: now });
  return result;
}

function firstByKey<T>(items: T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!map.has(key)) map.set(key, item);
  }
  return map;
}

export { humanSize } from '../report/units';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
