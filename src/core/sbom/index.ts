import { FormatError } from '../io/errors';
import { readCycloneDx } from './cyclonedx';
import { parseCycloneDxXml } from './cyclonedx-xml';
import { isObject } from './json-fields';
import { MAX_SBOM_BYTES } from './limits';
import { rememberDocument } from './parsed-documents';
import { readSpdx } from './spdx-json';
import type { Sbom } from './types';
import { decodeText, fileOffsetOf, label, sniffText } from './text-encoding';
import { byteOffsetOf } from './xml-safety';

export type * from './types';
export { RECONCILE_KINDS, RECONCILE_SEVERITIES } from './types';
export { MAX_SBOM_BYTES, MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
export { validateSbom } from './validate';
export { generateCycloneDx, type GenerateOptions } from './generate';
export { reconcile } from './reconcile';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? byteOffsetOf(text, Number(position[1])) : 0;
    throw new FormatError(offset, `malformed JSON: ${message}`);
  }
}

function parseJsonSbom(bytes: Uint8Array, text: string): Sbom | null {
  const doc = parseJson(text);
  if (!isObject(doc)) return null;
  let sbom: Sbom | null = null;
  if (doc.bomFormat === 'CycloneDX') sbom = readCycloneDx(doc, 'cyclonedx-json');
  else if (doc.bomFormat === undefined && typeof doc.spdxVersion === 'string') sbom = readSpdx(doc);
  if (sbom) rememberDocument(bytes, doc);
  return sbom;
}

/**
 * Reads a CycloneDX (JSON 1.2–1.6, XML 1.2–1.6) or SPDX 2.2/2.3 JSON document, in UTF-8 or, with a byte-order mark,
 * UTF-16. Returns null when the bytes are not an SBOM; throws FormatError when they are one, or claim to be, but
 * are malformed. Offsets in errors are offsets into the file, whatever its encoding.
 */
export function parseSbom(bytes: Uint8Array): Sbom | null {
  if (bytes.length > MAX_SBOM_BYTES) {
    throw new FormatError(0, `the document is ${bytes.length} bytes, more than the limit of ${MAX_SBOM_BYTES}`);
  }
  const sniffed = sniffText(bytes);
  if (sniffed.firstChar !== 0x7b && sniffed.firstChar !== 0x3c) return null; // "{" or "<"
  const text = decodeText(bytes, sniffed.encoding);
  try {
    return sniffed.firstChar === 0x7b ? parseJsonSbom(bytes, text) : parseCycloneDxXml(text);
  } catch (error) {
    if (!(error instanceof FormatError) || sniffed.bomLength === 0) throw error;
    const where = fileOffsetOf(text, error.offset, sniffed);
    throw new FormatError(where, `${error.message} (in a ${label(sniffed.encoding)} document)`);
  }
}
export { generateOpenVex, OPENVEX_CONTEXT, type OpenVexOptions } from './openvex';
