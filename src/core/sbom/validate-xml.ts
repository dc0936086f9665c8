import { validateXML } from 'xmllint-wasm';
import { FormatError } from '../io/errors';
import { cycloneDxXsdFile, loadSchemaText } from './schemas/index';
import type { SbomValidation } from './types';
import { findXmlRoot } from './xml-safety';

const SPDX_XSD = 'spdx.SNAPSHOT.xsd';
const WASM_PAGE = 64 * 1024;
/** libxml2's tree plus the parsed XSD need far more than the document: room for 16 bytes a byte, 64 MiB at least. */
const BASE_MEMORY_PAGES = 1024;
const MAX_MEMORY_PAGES = 65536;

/**
 * XSD validation with libxml2 compiled to WebAssembly (xmllint-wasm): no native addon, so it runs unchanged in
 * Electron, the CLI and a browser. The bom XSD imports spdx.SNAPSHOT.xsd by that relative name, so it is preloaded
 * beside it. The DOCTYPE guard runs again here because this entry point may see bytes parseSbom never saw.
 */
export async function validateCycloneDxXml(text: string, specVersion: string): Promise<SbomValidation> {
  try {
    findXmlRoot(text);
  } catch (error) {
    if (error instanceof FormatError) return { valid: false, errors: [{ path: 'line 1', message: error.message }] };
    throw error;
  }
  const xsdFile = cycloneDxXsdFile(specVersion);
  const [bomXsd, spdxXsd] = await Promise.all([loadSchemaText(xsdFile), loadSchemaText(SPDX_XSD)]);
  const pages = Math.min(MAX_MEMORY_PAGES, BASE_MEMORY_PAGES + Math.ceil((text.length * 16) / WASM_PAGE));
  const result = await validateXML({
    xml: [{ fileName: 'bom.xml', contents: text }],
    schema: [{ fileName: xsdFile, contents: bomXsd }],
    preload: [{ fileName: SPDX_XSD, contents: spdxXsd }],
    maxMemoryPages: pages,
    // No network, even though WebAssembly has none: the flag documents the intent if the engine ever changes.
    modifyArguments: (args) => ['--nonet', ...args],
  });
  return {
    valid: result.valid,
    errors: result.errors.map((error) => ({
      path: error.loc ? `line ${error.loc.lineNumber}` : '',
      message: error.message,
    })),
  };
}
