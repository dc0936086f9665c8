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

/** A value still to visit; its JSON pointer is built from the parent chain only when an error needs it. */
interface Pending {
  value: unknown;
  parent: Pending | null;
  key: string | number;
}

function pointerOf(node: Pending): string {
  const tokens: string[] = [];
  for (let at: Pending | null = node; at && at.parent; at = at.parent) {
    tokens.push(String(at.key).replace(/~/g, '~0').replace(/\//g, '~1'));
  }
  return tokens.length === 0 ? '' : `/${tokens.reverse().join('/')}`;
}

function checkNumber(value: number, node: Pending, errors: SbomValidationError[]): void {
  if (Number.isFinite(value)) return;
  errors.push({
    path: pointerToPath(pointerOf(node)),
    message: 'must be a finite number: the literal is too large for any JSON reader to keep (it reads as infinity)',
  });
}

function checkBomRef(
  object: Record<string, unknown>,
  node: Pending,
  seen: Map<string, Pending>,
  errors: SbomValidationError[],
): void {
  const ref = object['bom-ref'];
  if (typeof ref !== 'string') return;
  const earlier = seen.get(ref);
  if (earlier === undefined) {
    seen.set(ref, node);
    return;
  }
  const path = pointerToPath(`${pointerOf(node)}/bom-ref`);
  const first = pointerToPath(`${pointerOf(earlier)}/bom-ref`);
  errors.push({
    path,
    message: `duplicate bom-ref ${JSON.stringify(ref)} (first at ${first}): every bom-ref must be unique`,
  });
}

export function documentRuleErrors(document: unknown, checkBomRefs: boolean): SbomValidationError[] {
  const errors: SbomValidationError[] = [];
  const seen = new Map<string, Pending>();
  const stack: Pending[] = [{ value: document, parent: null, key: '' }];
  while (stack.length > 0 && errors.length < MAX_RULE_ERRORS) {
    const node = stack.pop() as Pending;
    const { value } = node;
    if (typeof value === 'number') checkNumber(value, node, errors);
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        if (worthVisiting(value[i])) stack.push({ value: value[i], parent: node, key: i });
      }
      continue;
    }
    const object = value as Record<string, unknown>;
    if (checkBomRefs) checkBomRef(object, node, seen, errors);
    const keys = Object.keys(object);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (worthVisiting(object[key])) stack.push({ value: object[key], parent: node, key });
    }
  }
  return errors.slice(0, MAX_RULE_ERRORS);
}
