import { FormatError } from '../io/errors';
import { readCycloneDx } from './cyclonedx';
import { parseCycloneDxXml } from './cyclonedx-xml';
import { isObject } from './json-fields';
import { MAX_SBOM_BYTES } from './limits';
import { rememberDocument } from './parsed-documents';
import { readSpdx } from './spdx-json';
import type { Sbom } from './types';
import { byteOffsetOf } from './xml-safety';

export type * from './types';
export { RECONCILE_KINDS } from './types';
export { MAX_SBOM_BYTES, MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
export { validateSbom } from './validate';
export { generateCycloneDx, type GenerateOptions } from './generate';
export { reconcile } from './reconcile';

/** First byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
function firstSignificantByte(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i < bytes.length ? (bytes[i] as number) : -1;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false strips a leading byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(0, 'the document is not valid UTF-8');
  }
}

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
 * Reads a CycloneDX (JSON 1.2–1.6, XML 1.2–1.6) or SPDX 2.2/2.3 JSON document. Returns null when the bytes are
 * not an SBOM; throws FormatError when they are one, or claim to be, but are malformed.
 */
export function parseSbom(bytes: Uint8Array): Sbom | null {
  if (bytes.length > MAX_SBOM_BYTES) {
    throw new FormatError(0, `the document is ${bytes.length} bytes, more than the limit of ${MAX_SBOM_BYTES}`);
  }
  const first = firstSignificantByte(bytes);
  if (first !== 0x7b && first !== 0x3c) return null; // "{" or "<"
  const text = decodeUtf8(bytes);
  return first === 0x7b ? parseJsonSbom(bytes, text) : parseCycloneDxXml(text);
}
export { generateOpenVex, OPENVEX_CONTEXT, type OpenVexOptions } from './openvex';
