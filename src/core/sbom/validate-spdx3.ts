import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { isObject } from './json-fields';
import { loadSpdxSchemaText } from './schemas/index';
import type { SbomValidationError } from './types';

/**
 * SPDX 3.0.1 JSON-LD against the official schema, element by element. The schema checks each "@graph" item against
 * AnyClass, an anyOf over every class (about a hundred), each of which requires its own "type" constant: ajv tries
 * them all, for every element (5 s for 20,000 packages). An item whose "type" names a class can only pass that
 * class's branch, so it is checked against that branch alone, with the same unevaluatedProperties: false the
 * schema puts on graph items; an item of no known class goes through AnyClass as the schema says. The document
 * around the graph is checked by the whole schema, with an empty graph. Same verdict, linear in the classes used.
 */

const SCHEMA_KEY = 'spdx-3.0.1';
export const MAX_SPDX3_ERRORS = 100;

interface Spdx3Validators {
  ajv: Ajv2020;
  whole: ValidateFunction;
  anyClass: ValidateFunction;
  classes: Set<string>;
  byClass: Map<string, ValidateFunction>;
}

function graphItem(ref: string): object {
  return { type: 'object', $ref: `${SCHEMA_KEY}#/$defs/${ref}`, unevaluatedProperties: false };
}

async function compile(): Promise<Spdx3Validators> {
  const schema = JSON.parse(await loadSpdxSchemaText('3.0.1')) as {
    $defs: { AnyClass: { anyOf: { $ref: string }[] } };
  };
  // Same start-up settings as the other validators: the schema is the published file (schemas.test.ts).
  const ajv = new Ajv2020({ strict: false, validateSchema: false, code: { optimize: false } });
  ajv.addSchema(schema, SCHEMA_KEY);
  const whole = ajv.getSchema(SCHEMA_KEY);
  if (!whole) throw new Error('the SPDX 3 schema did not compile');
  const classes = new Set(schema.$defs.AnyClass.anyOf.map((branch) => branch.$ref.replace('#/$defs/', '')));
  return { ajv, whole, anyClass: ajv.compile(graphItem('AnyClass')), classes, byClass: new Map() };
}

let validators: Promise<Spdx3Validators> | null = null;

function validatorFor(validators: Spdx3Validators, type: unknown): ValidateFunction {
  if (typeof type !== 'string' || !validators.classes.has(type)) return validators.anyClass;
  let validate = validators.byClass.get(type);
  if (!validate) {
    validate = validators.ajv.compile(graphItem(type));
    validators.byClass.set(type, validate);
  }
  return validate;
}

function prefixed(errors: ErrorObject[] | null | undefined, prefix: string): ErrorObject[] {
  return (errors ?? []).map((error) => ({ ...error, instancePath: prefix + error.instancePath }));
}

/** The schema's errors for the document, [] when it is valid. */
export async function spdx3SchemaErrors(document: unknown): Promise<ErrorObject[]> {
  const compiled = await (validators ??= compile());
  const graph = isObject(document) ? document['@graph'] : undefined;
  if (!isObject(document) || !Array.isArray(graph)) {
    return compiled.whole(document) ? [] : prefixed(compiled.whole.errors, '');
  }
  const errors = compiled.whole({ ...document, '@graph': [] }) ? [] : prefixed(compiled.whole.errors, '');
  for (let i = 0; i < graph.length && errors.length < MAX_SPDX3_ERRORS; i++) {
    const element: unknown = graph[i];
    const validate = isObject(element) ? validatorFor(compiled, element.type) : compiled.anyClass;
    if (!validate(element)) errors.push(...prefixed(validate.errors, `/@graph/${i}`));
  }
  return errors;
}

/** The whole schema at once, as published: the reference spdx3SchemaErrors is tested against. */
export async function spdx3SchemaErrorsWhole(document: unknown): Promise<ErrorObject[]> {
  const compiled = await (validators ??= compile());
  return compiled.whole(document) ? [] : prefixed(compiled.whole.errors, '');
}

/** SPDX 3 ids must be unique across the graph: the schema checks each element alone and cannot see a repeat. */
export function spdx3ConsistencyErrors(document: unknown): SbomValidationError[] {
  const graph = isObject(document) && Array.isArray(document['@graph']) ? document['@graph'] : [document];
  const seen = new Set<string>();
  const errors: SbomValidationError[] = [];
  graph.forEach((element, i) => {
    const id = isObject(element) ? element.spdxId : undefined;
    if (typeof id !== 'string') return;
    if (seen.has(id) && errors.length < MAX_SPDX3_ERRORS)
      errors.push({ path: `$['@graph'][${i}].spdxId`, message: `duplicate spdxId ${id}` });
    seen.add(id);
  });
  return errors;
}
