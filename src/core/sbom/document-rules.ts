import type { SbomValidationError } from './types';
import { pointerToPath } from './validate-json';

/**
 * Rules a valid document must meet that its JSON schema cannot say, checked in one walk over the parsed document:
 *
 * - CycloneDX: "Every bom-ref must be unique within the BOM" (the spec's words on every bom-ref; the XSD says it
 *   with xs:unique, the JSON schema has no way to).
 * - Numbers must be finite. JSON has no Infinity, but JSON.parse turns a literal too large for a double (1e400)
 *   into Infinity, and ajv takes Infinity for an integer ≥ 1: `"version": 1e400` would pass the schema.
 *
 * The walk uses its own stack, so a deeply nested document cannot overflow the call stack.
 */

/** More errors than this tell the user nothing new; the walk stops collecting (but the verdict stays invalid). */
export const MAX_RULE_ERRORS = 100;

/** Strings, booleans and null can break neither rule: they are never pushed, which keeps the walk cheap. */
function worthVisiting(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null);
}

interface Pending {
  value: unknown;
  pointer: string;
}

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function checkNumber(value: number, pointer: string, errors: SbomValidationError[]): void {
  if (Number.isFinite(value)) return;
  errors.push({
    path: pointerToPath(pointer),
    message: 'must be a finite number: the literal is too large for any JSON reader to keep (it reads as infinity)',
  });
}

function checkBomRef(
  object: Record<string, unknown>,
  pointer: string,
  seen: Map<string, string>,
  errors: SbomValidationError[],
): void {
  const ref = object['bom-ref'];
  if (typeof ref !== 'string') return;
  const path = pointerToPath(`${pointer}/bom-ref`);
  const first = seen.get(ref);
  if (first === undefined) seen.set(ref, path);
  else
    errors.push({
      path,
      message: `duplicate bom-ref ${JSON.stringify(ref)} (first at ${first}): every bom-ref must be unique`,
    });
}

export function documentRuleErrors(document: unknown, checkBomRefs: boolean): SbomValidationError[] {
  const errors: SbomValidationError[] = [];
  const seen = new Map<string, string>();
  const stack: Pending[] = [{ value: document, pointer: '' }];
  while (stack.length > 0 && errors.length < MAX_RULE_ERRORS) {
    const { value, pointer } = stack.pop() as Pending;
    if (typeof value === 'number') checkNumber(value, pointer, errors);
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        if (worthVisiting(value[i])) stack.push({ value: value[i], pointer: `${pointer}/${i}` });
      }
      continue;
    }
    const object = value as Record<string, unknown>;
    if (checkBomRefs) checkBomRef(object, pointer, seen, errors);
    const keys = Object.keys(object);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (worthVisiting(object[key])) stack.push({ value: object[key], pointer: `${pointer}/${escapeToken(key)}` });
    }
  }
  return errors.slice(0, MAX_RULE_ERRORS);
}
