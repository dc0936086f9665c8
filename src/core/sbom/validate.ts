import { FormatError } from '../io/errors';
import { documentRuleErrors } from './document-rules';
import { takeDocument } from './parsed-documents';
import { decodeText, sniffText } from './text-encoding';
import type { Sbom, SbomValidation, SbomValidationError } from './types';
import { validateCycloneDxJson } from './validate-json';
import { spdxTagValueToJson } from './spdx-tag-value';
import { validateSpdxJson } from './validate-spdx';
import { validateSpdxSchema } from './validate-spdx-schema';
import { spdx3ConsistencyErrors } from './validate-spdx3';
import { validateCycloneDxXml } from './validate-xml';
import { xincludeErrors } from './xml-rules';

function parseJson(text: string): { document: unknown } | { error: string } {
  try {
    return { document: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Rule errors come first: they say what the schema could not, and are the ones a reader would miss. */
function withRules(schema: SbomValidation, rules: SbomValidationError[]): SbomValidation {
  if (rules.length === 0) return schema;
  return { valid: false, errors: [...rules, ...schema.errors] };
}

/**
 * The XSD validator is handed the decoded text, which it stores as UTF-8; a UTF-16 document's declaration would
 * then name the wrong encoding, so only that pseudo-attribute is rewritten, and only for a transcoded document.
 */
function asUtf8Xml(text: string, transcoded: boolean): string {
  if (!transcoded) return text;
  return text.replace(/^(<\?xml[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

async function validateXml(bytes: Uint8Array, sbom: Sbom): Promise<SbomValidation> {
  const { encoding } = sniffText(bytes);
  const text = decodeText(bytes, encoding);
  const schema = await validateCycloneDxXml(asUtf8Xml(text, encoding !== 'utf-8'), sbom.specVersion);
  return withRules(schema, xincludeErrors(text));
}

async function validateJson(bytes: Uint8Array, sbom: Sbom): Promise<SbomValidation> {
  const remembered = takeDocument(bytes);
  const parsed = remembered !== undefined ? { document: remembered } : parseJson(decodeText(bytes));
  if ('error' in parsed) return { valid: false, errors: [{ path: '$', message: parsed.error }] };
  const { document } = parsed;
  if (sbom.format === 'cyclonedx-json') {
    const schema = await validateCycloneDxJson(document, sbom.specVersion);
    return withRules(schema, documentRuleErrors(document, true));
  }
  const schema = await validateSpdxSchema(document, sbom.specVersion);
  const consistency =
    sbom.format === 'spdx3-json' ? spdx3ConsistencyErrors(document) : validateSpdxJson(document, true).errors;
  return withRules(schema, [...consistency, ...documentRuleErrors(document, false)]);
}

/** Tag-value has no schema: the converted document gets every check the specification's required fields give. */
function validateTagValue(bytes: Uint8Array): SbomValidation {
  const remembered = takeDocument(bytes);
  const document = remembered !== undefined ? remembered : spdxTagValueToJson(decodeText(bytes));
  return validateSpdxJson(document);
}

/**
 * Validates the document against its official schema, offline: CycloneDX JSON with the bundled JSON schemas,
 * CycloneDX XML with the bundled XSDs, SPDX 2.2/2.3 JSON and SPDX 3.0 JSON-LD with the SPDX project's JSON schemas,
 * SPDX tag-value (which has no schema) with a check of the fields and values the specification requires; plus the
 * spec's rules no schema can express (document-rules.ts, xml-rules.ts, unique SPDX ids). Invalid documents resolve with errors; it rejects only on environment faults (a missing
 * WebAssembly runtime, ...). The bytes are expected to be the ones parseSbom read, unchanged: the JSON it parsed
 * from them is reused.
 */
export async function validateSbom(bytes: Uint8Array, sbom: Sbom): Promise<SbomValidation> {
  try {
    if (sbom.format === 'cyclonedx-xml') return await validateXml(bytes, sbom);
    if (sbom.format === 'spdx-tag-value') return validateTagValue(bytes);
    return await validateJson(bytes, sbom);
  } catch (error) {
    if (error instanceof FormatError) return { valid: false, errors: [{ path: '$', message: error.message }] };
    throw error;
  }
}
