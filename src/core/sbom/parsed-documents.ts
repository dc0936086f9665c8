/**
 * parseSbom hands the JSON it parsed to validateSbom for the same bytes, taken once: parsing a 20k-component BOM
 * again (9 MB to decode and parse) would cost as much as the validation itself. Nothing mutates these documents
 * (the readers only read; ajv runs without defaults, coercion or removal). Keyed weakly by the bytes, so a document
 * never validated is dropped with them.
 */
const documents = new WeakMap<Uint8Array, unknown>();

export function rememberDocument(bytes: Uint8Array, document: unknown): void {
  documents.set(bytes, document);
}

/** The document parseSbom parsed from these bytes, once; undefined when there is none. */
export function takeDocument(bytes: Uint8Array): unknown {
  const document = documents.get(bytes);
  documents.delete(bytes);
  return document;
}
