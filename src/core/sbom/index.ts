import { FormatError } from '../io/errors';
import { readCycloneDx } from './cyclonedx';
import { parseCycloneDxXml } from './cyclonedx-xml';
import { isObject } from './json-fields';
import { MAX_SBOM_BYTES } from './limits';
import { rememberDocument } from './parsed-documents';
import { readSpdx } from './spdx-json';
import { looksLikeSpdxTagValue, spdxTagValueToJson } from './spdx-tag-value';
import { readSpdx3, spdx3Context } from './spdx3-json';
import type { Sbom } from './types';
import { decodeText, fileOffsetOf, label, sniffText } from './text-encoding';
import { byteOffsetOf } from './xml-safety';

export type * from './types';
export { RECONCILE_KINDS, RECONCILE_SEVERITIES } from './types';
export { MAX_SBOM_BYTES, MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
export { validateSbom } from './validate';
export { generateCycloneDx, CYCLONEDX_SPECS, type CycloneDxSpec, type GenerateOptions } from './generate';
export { generateSpdx } from './generate-spdx';
export { generateSpdx3 } from './generate-spdx3';
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
  const spdx3 = spdx3Context(doc);
  if (doc.bomFormat === 'CycloneDX') sbom = readCycloneDx(doc, 'cyclonedx-json');
  else if (doc.bomFormat === undefined && typeof doc.spdxVersion === 'string') sbom = readSpdx(doc);
  else if (spdx3) sbom = readSpdx3(doc, spdx3);
  if (sbom) rememberDocument(bytes, doc);
  return sbom;
}

/** SPDX 2.x tag-value: converted to the JSON shape, which validation then checks (it has no schema of its own). */
function parseTagValueSbom(bytes: Uint8Array, text: string): Sbom | null {
  if (!looksLikeSpdxTagValue(text)) return null;
  const doc = spdxTagValueToJson(text);
  const sbom = readSpdx(doc, 'spdx-tag-value');
  rememberDocument(bytes, doc);
  return sbom;
}

function parseText(bytes: Uint8Array, text: string, firstChar: number): Sbom | null {
  if (firstChar === 0x7b) return parseJsonSbom(bytes, text); // "{"
  if (firstChar === 0x3c) return parseCycloneDxXml(text); // "<"
  return parseTagValueSbom(bytes, text);
}

/**
 * Reads a CycloneDX (JSON and XML, 1.2–1.7), SPDX 2.2/2.3 (JSON or tag-value) or SPDX 3.0 JSON-LD document, in
 * UTF-8 or, with a byte-order mark, UTF-16. Returns null when the bytes are not an SBOM; throws FormatError when they are one, or claim to be, but
 * are malformed. Offsets in errors are offsets into the file, whatever its encoding.
 */
export function parseSbom(bytes: Uint8Array): Sbom | null {
  if (bytes.length > MAX_SBOM_BYTES) {
    throw new FormatError(0, `the document is ${bytes.length} bytes, more than the limit of ${MAX_SBOM_BYTES}`);
  }
  const sniffed = sniffText(bytes);
  // "{", "<", or the "S" of SPDXVersion / "#" of a comment that opens a tag-value document.
  if (![0x7b, 0x3c, 0x53, 0x23].includes(sniffed.firstChar)) return null;
  let text: string;
  try {
    text = decodeText(bytes, sniffed.encoding);
  } catch (error) {
    // Bytes that start like a tag-value document but are not text are some other file, not a broken SBOM.
    if (sniffed.firstChar === 0x53 || sniffed.firstChar === 0x23) return null;
    throw error;
  }
  try {
    return parseText(bytes, text, sniffed.firstChar);
  } catch (error) {
    if (!(error instanceof FormatError) || sniffed.bomLength === 0) throw error;
    const where = fileOffsetOf(text, error.offset, sniffed);
    throw new FormatError(where, `${error.message} (in a ${label(sniffed.encoding)} document)`);
  }
}
export { generateOpenVex, OPENVEX_CONTEXT, type OpenVexOptions } from './openvex';
