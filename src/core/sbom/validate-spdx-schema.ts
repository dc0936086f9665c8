import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import { loadSpdxSchemaText, SPDX_SCHEMAS } from './schemas/index';
import type { SbomValidation, SbomValidationError } from './types';
import { pointerToPath } from './validate-json';
import { spdx3SchemaErrors } from './validate-spdx3';

/**
 * SPDX JSON validation against the official schemas the SPDX project publishes: 2.2 (draft-07), 2.3 (2019-09) and
 * 3.0.1 (2020-12, applied element by element: validate-spdx3.ts), each compiled with the ajv class for its draft. The schemas use no formats and no uniqueItems,
 * so ajv's own keywords are linear here.
 */

const MAX_ERRORS = 100;

/** SPDX 2: every error is collected, as the CycloneDX validator does. SPDX 3 has its own path (validate-spdx3.ts). */
function ajvFor(draft: string): Ajv {
  // Same start-up settings as the CycloneDX validator: the schemas are the published files (schemas.test.ts).
  const options = { strict: false, validateSchema: false, code: { optimize: false }, allErrors: true };
  return draft === '2019-09' ? new Ajv2019(options) : new Ajv(options);
}

async function compile(version: string): Promise<ValidateFunction> {
  const entry = SPDX_SCHEMAS[version];
  if (!entry) throw new Error(`no embedded SPDX schema for ${version}`);
  const schema = JSON.parse(await loadSpdxSchemaText(version)) as object;
  return ajvFor(entry.draft).compile(schema);
}

const validators = new Map<string, Promise<ValidateFunction>>();

function validatorFor(version: string): Promise<ValidateFunction> {
  let validator = validators.get(version);
  if (!validator) {
    validator = compile(version);
    validators.set(version, validator);
  }
  return validator;
}

/** The schema version a document is checked against: its own, or the 3.0.1 schema for any SPDX 3.0 document. */
export function spdxSchemaVersion(specVersion: string): string | null {
  if (specVersion.startsWith('3.0')) return '3.0.1';
  return SPDX_SCHEMAS[specVersion] ? specVersion : null;
}

/**
 * The SPDX 3 schema tries every class for every element, so one wrong value also fails the "type" constant of
 * each class it is not: those mismatches say nothing. They are kept only when nothing else explains the failure.
 */
function isClassMismatch(error: ErrorObject): boolean {
  return /\/type(\/oneOf(\/\d+\/const)?)?$/.test(error.schemaPath) && error.instancePath.endsWith('/type');
}

function describe(error: ErrorObject): SbomValidationError {
  const extra =
    error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties'
      ? ` (${String(error.params.additionalProperty ?? error.params.unevaluatedProperty)})`
      : '';
  return { path: pointerToPath(error.instancePath), message: `${error.message ?? error.keyword}${extra}` };
}

/** The errors worth reading first: the deepest in the document, where the wrong value sits, without repeats. */
function usefulErrors(errors: ErrorObject[], spdx3: boolean): SbomValidationError[] {
  const meaningful = spdx3 ? errors.filter((error) => !isClassMismatch(error)) : errors;
  const chosen = (meaningful.length > 0 ? meaningful : errors).slice();
  if (spdx3) chosen.sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
  const seen = new Set<string>();
  const out: SbomValidationError[] = [];
  for (const error of chosen) {
    const described = describe(error);
    const key = `${described.path} ${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(described);
    if (out.length >= MAX_ERRORS) break;
  }
  return out;
}

export async function validateSpdxSchema(document: unknown, specVersion: string): Promise<SbomValidation> {
  const version = spdxSchemaVersion(specVersion);
  if (!version) return { valid: false, errors: [{ path: '$', message: `no SPDX schema for version ${specVersion}` }] };
  if (version.startsWith('3')) {
    const errors = await spdx3SchemaErrors(document);
    return errors.length === 0 ? { valid: true, errors: [] } : { valid: false, errors: usefulErrors(errors, true) };
  }
  const validate = await validatorFor(version);
  if (validate(document)) return { valid: true, errors: [] };
  return { valid: false, errors: usefulErrors(validate.errors ?? [], false) };
}
