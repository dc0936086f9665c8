import { FormatError } from '../io/errors';

/**
 * Typed access to parsed, untrusted JSON. A wrong type is a malformed document: FormatError naming the JSON path
 * ("$.components[3].name"), offset 0 because JSON.parse keeps no positions.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function wrongType(path: string, expected: string, value: unknown): FormatError {
  if (value === undefined) return new FormatError(0, `${path} is missing (must be ${expected})`);
  return new FormatError(0, `${path} must be ${expected}, not ${kindOf(value)}`);
}

export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw wrongType(path, 'an object', value);
  return value;
}

export function expectArray(value: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw wrongType(path, 'an array', value);
  if (value.length > max)
    throw new FormatError(0, `${path} has ${value.length} entries, more than the limit of ${max}`);
  return value;
}

const NONE: readonly unknown[] = Object.freeze([]);

/**
 * Absent (undefined) is an empty list; anything else must be an array. The path string is only built for the
 * error: this runs several times for each of tens of thousands of components.
 */
export function optionalArray(object: JsonObject, key: string, path: string, max: number): readonly unknown[] {
  const value = object[key];
  if (value === undefined) return NONE;
  if (Array.isArray(value) && value.length <= max) return value;
  return expectArray(value, `${path}.${key}`, max);
}

export function optionalObject(object: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = object[key];
  if (value === undefined || isObject(value)) return value;
  return expectObject(value, `${path}.${key}`);
}

export function optionalString(object: JsonObject, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw wrongType(`${path}.${key}`, 'a string', value);
  return value;
}

export function requiredString(object: JsonObject, key: string, path: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw wrongType(`${path}.${key}`, 'a string', value);
  return value;
}

/** Appends an array index to a JSON path. */
export function at(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Reads each entry of an optional array of objects, handing the reader the entry and its JSON path. */
export function mapObjects<T>(
  object: JsonObject,
  key: string,
  path: string,
  max: number,
  read: (entry: JsonObject, entryPath: string) => T,
): T[] {
  const list = optionalArray(object, key, path, max);
  const out: T[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const entryPath = at(`${path}.${key}`, i);
    out[i] = read(expectObject(list[i], entryPath), entryPath);
  }
  return out;
}

/** Reads an optional array of strings. */
export function optionalStrings(object: JsonObject, key: string, path: string, max: number): string[] {
  return optionalArray(object, key, path, max).map((value, i) => {
    if (typeof value !== 'string') throw wrongType(at(`${path}.${key}`, i), 'a string', value);
    return value;
  });
}
