import { takeDocument } from './parsed-documents';
import type { Sbom, SbomValidation } from './types';
import { validateCycloneDxJson } from './validate-json';
import { validateSpdxJson } from './validate-spdx';
import { validateCycloneDxXml } from './validate-xml';

function parseJson(text: string): { document: unknown } | { error: string } {
  try {
    return { document: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Validates the document against its official schema, offline: CycloneDX JSON with the bundled JSON schemas,
 * CycloneDX XML with the bundled XSDs, SPDX JSON with a structural check of the SPDX 2.3 required fields (no
 * SPDX schema ships in any installed package). Invalid documents resolve with errors; it rejects only on
 * environment faults (a missing WebAssembly runtime, ...). The bytes are expected to be the ones parseSbom read,
 * unchanged: the JSON it parsed from them is reused.
 */
export async function validateSbom(bytes: Uint8Array, sbom: Sbom): Promise<SbomValidation> {
  if (sbom.format === 'cyclonedx-xml') return validateCycloneDxXml(new TextDecoder().decode(bytes), sbom.specVersion);
  const remembered = takeDocument(bytes);
  const parsed = remembered !== undefined ? { document: remembered } : parseJson(new TextDecoder().decode(bytes));
  if ('error' in parsed) return { valid: false, errors: [{ path: '$', message: parsed.error }] };
  if (sbom.format === 'cyclonedx-json') return validateCycloneDxJson(parsed.document, sbom.specVersion);
  return validateSpdxJson(parsed.document);
}
