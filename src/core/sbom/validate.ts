import { FormatError } from '../io/errors';
import { documentRuleErrors } from './document-rules';
import { takeDocument } from './parsed-documents';
import { decodeText, sniffText } from './text-encoding';
import type { Sbom, SbomValidation, SbomValidationError } from './types';
import { validateCycloneDxJson } from './validate-json';
import { validateSpdxJson } from './validate-spdx';
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
  const cycloneDx = sbom.format === 'cyclonedx-json';
  const schema = cycloneDx
    ? await validateCycloneDxJson(parsed.document, sbom.specVersion)
    : await validateSpdxJson(parsed.document);
  return withRules(schema, documentRuleErrors(parsed.document, cycloneDx));
}

/**
 * Validates the document against its official schema, offline: CycloneDX JSON with the bundled JSON schemas,
 * CycloneDX XML with the bundled XSDs, SPDX JSON with a structural check of the SPDX 2.3 required fields (no
 * SPDX schema ships in any installed package); plus the spec's rules no schema can express (document-rules.ts,
 * xml-rules.ts). Invalid documents resolve with errors; it rejects only on environment faults (a missing
 * WebAssembly runtime, ...). The bytes are expected to be the ones parseSbom read, unchanged: the JSON it parsed
 * from them is reused.
 */
export async function validateSbom(bytes: Uint8Array, sbom: Sbom): Promise<SbomValidation> {
  try {
    return sbom.format === 'cyclonedx-xml' ? await validateXml(bytes, sbom) : await validateJson(bytes, sbom);
  } catch (error) {
    if (error instanceof FormatError) return { valid: false, errors: [{ path: '$', message: error.message }] };
    throw error;
  }
}
