import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import addFormats2019 from 'ajv-formats-draft2019';
import { cycloneDxJsonSchemaFile, JSON_SUBSCHEMAS, loadSchemaText } from './schemas/index';
import type { SbomValidation, SbomValidationError } from './types';

/**
 * CycloneDX JSON validation against the official schema, compiled the way @cyclonedx/cyclonedx-library's
 * JsonValidator compiles it (same ajv options, formats and sub-schemas), with one difference: `uniqueItems`.
 * ajv checks it by comparing every pair of items (quadratic: a minute for 20k components); here the same keyword
 * is checked with a Set of canonical JSON (sorted keys), which is the same deep equality ajv uses, in linear time.
 * The schema itself is used unchanged.
 */

/** JSON with object keys sorted: two values are deep-equal (as ajv's uniqueItems means it) iff these match. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  // Plain concatenation, no intermediate arrays: this runs once per array item of a 20k-component BOM.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += (i === 0 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(object[key]);
  }
  return out + '}';
}

interface KeywordValidate {
  (schema: boolean, data: unknown[]): boolean;
  errors?: Partial<ErrorObject>[];
}

/**
 * A necessary condition for deep equality that is cheap to compute: an object's primitive members in sorted key
 * order, nested values only by kind. Deep-equal items always share it; items that share it are then compared by
 * canonical JSON. In a BOM every component differs in a top-level string (bom-ref, purl, name), so canonical JSON
 * is almost never built.
 */
function shallowKey(item: object): string {
  if (Array.isArray(item)) return `[${item.length}`;
  const object = item as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const value = object[key];
    out += `${JSON.stringify(key)}:${typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[' : '{') : JSON.stringify(value)},`;
  }
  return out;
}

/** Items sharing a shallow key; their canonical forms are computed only once a second one arrives. */
interface Bucket {
  first: number;
  canonical: Map<string, number> | null;
}

/** Index of an earlier item deep-equal to data[index], or undefined; records data[index] either way. */
function findEqual(data: unknown[], index: number, buckets: Map<string, Bucket>): number | undefined {
  const item = data[index] as object;
  const shallow = shallowKey(item);
  const bucket = buckets.get(shallow);
  if (!bucket) {
    buckets.set(shallow, { first: index, canonical: null });
    return undefined;
  }
  bucket.canonical ??= new Map([[canonicalJson(data[bucket.first]), bucket.first]]);
  const canonical = canonicalJson(item);
  const earlier = bucket.canonical.get(canonical);
  if (earlier === undefined) bucket.canonical.set(canonical, index);
  return earlier;
}

/**
 * Primitives are their own key (a Map compares them as deep equality does: by type and value); objects and arrays
 * go through findEqual. Linear in the number of items.
 */
const uniqueItemsLinear: KeywordValidate = (schema, data) => {
  uniqueItemsLinear.errors = [];
  if (!schema) return true;
  const primitives = new Map<unknown, number>();
  const buckets = new Map<string, Bucket>();
  for (let i = 0; i < data.length; i++) {
    const item = data[i];
    let first: number | undefined;
    if (typeof item === 'object' && item !== null) first = findEqual(data, i, buckets);
    else {
      first = primitives.get(item);
      if (first === undefined) primitives.set(item, i);
    }
    if (first !== undefined) {
      // Same wording and params as ajv's own uniqueItems error.
      const message = `must NOT have duplicate items (items ## ${first} and ${i} are identical)`;
      uniqueItemsLinear.errors = [{ keyword: 'uniqueItems', message, params: { i: first, j: i } }];
      return false;
    }
  }
  return true;
};

async function compile(specVersion: string): Promise<ValidateFunction> {
  const subschemaEntries = Object.entries(JSON_SUBSCHEMAS);
  const [schemaText, ...subschemaTexts] = await Promise.all([
    loadSchemaText(cycloneDxJsonSchemaFile(specVersion)),
    ...subschemaEntries.map(([, fileName]) => loadSchemaText(fileName)),
  ]);
  const schemas = Object.fromEntries(
    subschemaEntries.map(([uri], i) => [uri, JSON.parse(subschemaTexts[i] as string)]),
  );
  const ajv = new Ajv({
    useDefaults: false,
    strict: false,
    strictSchema: false,
    addUsedSchema: false,
    // Two code-generation settings that only cut start-up time (~0.25 s for 1.6), not what is checked: the schemas
    // are the official files (schemas.test.ts), so checking them against the meta-schema on every start buys
    // nothing, and ajv's optimisation passes over the generated code cost more than they save on one document.
    validateSchema: false,
    code: { optimize: false },
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
    schemas,
  });
  addFormats(ajv);
  addFormats2019(ajv, { formats: ['idn-email'] });
  // As in the library: no working implementation of "iri-reference" exists for ajv.
  ajv.addFormat('iri-reference', true);
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    errors: true,
    validate: uniqueItemsLinear,
  });
  return ajv.compile(JSON.parse(schemaText as string));
}

/** One compiled validator per spec version, kept for the process: compiling the 1.6 schema takes ~0.3 s. */
const validators = new Map<string, Promise<ValidateFunction>>();

function validatorFor(specVersion: string): Promise<ValidateFunction> {
  let validator = validators.get(specVersion);
  if (!validator) {
    validator = compile(specVersion);
    validators.set(specVersion, validator);
  }
  return validator;
}

/** "/components/3/bom-ref" → "$.components[3].bom-ref" */
export function pointerToPath(pointer: string): string {
  let path = '$';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function describe(error: ErrorObject): SbomValidationError {
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return { path: pointerToPath(error.instancePath), message: `${error.message ?? error.keyword}${extra}` };
}

export async function validateCycloneDxJson(document: unknown, specVersion: string): Promise<SbomValidation> {
  const validate = await validatorFor(specVersion);
  if (validate(document)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(describe) };
}
