import { at, isObject, type JsonObject } from './json-fields';
import type { SbomValidation, SbomValidationError } from './types';

/**
 * A structural check of what the SPDX 2.x specification requires: the document's required fields and fixed values,
 * and the required fields, patterns and enumerations of packages, files, checksums, external references and
 * relationships; plus two consistency rules no schema can express (unique SPDXIDs, relationships that point at
 * defined elements). Tag-value documents, which have no schema, are checked with all of it (after conversion to the
 * JSON shape); JSON documents are checked against the official schema and then with the consistency rules only.
 */

const MAX_ERRORS = 100;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(([01]\d|2[0-3]):[0-5]\d:[0-5]\d|23:59:60)Z$/;
const SPDX_ID = /^SPDXRef-[a-zA-Z0-9.-]+$/;
const HEX = /^[0-9a-fA-F]+$/;
const ALGORITHMS = new Set(
  'SHA1 BLAKE3 SHA3-384 SHA256 SHA384 BLAKE2b-512 BLAKE2b-256 SHA3-512 MD2 ADLER32 MD4 SHA3-256 BLAKE2b-384 SHA512 MD6 MD5 SHA224'.split(
    ' ',
  ),
);
const REFERENCE_CATEGORIES = new Set([
  'OTHER',
  'PERSISTENT-ID',
  'PERSISTENT_ID',
  'SECURITY',
  'PACKAGE-MANAGER',
  'PACKAGE_MANAGER',
]);
const PURPOSES = new Set(
  'OTHER INSTALL ARCHIVE FIRMWARE APPLICATION FRAMEWORK LIBRARY CONTAINER SOURCE DEVICE OPERATING-SYSTEM FILE'.split(
    ' ',
  ),
);
const RELATIONSHIP_TYPES = new Set(
  (
    'VARIANT_OF COPY_OF PATCH_FOR TEST_DEPENDENCY_OF CONTAINED_BY DATA_FILE_OF OPTIONAL_COMPONENT_OF ANCESTOR_OF ' +
    'GENERATES CONTAINS OPTIONAL_DEPENDENCY_OF FILE_ADDED REQUIREMENT_DESCRIPTION_FOR DEV_DEPENDENCY_OF ' +
    'DEPENDENCY_OF BUILD_DEPENDENCY_OF DESCRIBES PREREQUISITE_FOR HAS_PREREQUISITE PROVIDED_DEPENDENCY_OF ' +
    'DYNAMIC_LINK DESCRIBED_BY METAFILE_OF DEPENDENCY_MANIFEST_OF PATCH_APPLIED RUNTIME_DEPENDENCY_OF TEST_OF ' +
    'TEST_TOOL_OF DEPENDS_ON SPECIFICATION_FOR FILE_MODIFIED DISTRIBUTION_ARTIFACT AMENDS DOCUMENTATION_OF ' +
    'GENERATED_FROM STATIC_LINK OTHER BUILD_TOOL_OF TEST_CASE_OF PACKAGE_OF DESCENDANT_OF FILE_DELETED ' +
    'EXPANDED_FROM_ARCHIVE DEV_TOOL_OF EXAMPLE_OF'
  ).split(' '),
);

class SpdxChecker {
  readonly errors: SbomValidationError[] = [];
  readonly ids = new Set<string>(['SPDXRef-DOCUMENT']);

  /** consistencyOnly: report only what the schema cannot see (the schema has already checked the rest). */
  constructor(private readonly consistencyOnly = false) {}

  fail(path: string, message: string, consistency = false): void {
    if (this.consistencyOnly && !consistency) return;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
  }

  string(object: JsonObject, key: string, path: string, required: boolean, pattern?: RegExp): string | undefined {
    const value = object[key];
    if (value === undefined) {
      if (required) this.fail(path, `must have required property '${key}'`);
      return undefined;
    }
    if (typeof value !== 'string') this.fail(`${path}.${key}`, 'must be a string');
    else if (pattern && !pattern.test(value)) this.fail(`${path}.${key}`, `must match pattern "${pattern.source}"`);
    else return value;
    return undefined;
  }

  oneOf(object: JsonObject, key: string, path: string, allowed: Set<string>, required: boolean): void {
    const value = this.string(object, key, path, required);
    if (value !== undefined && !allowed.has(value))
      this.fail(`${path}.${key}`, 'must be equal to one of the allowed values');
  }

  /** Each entry of an optional array, checked to be an object. */
  objects(object: JsonObject, key: string, path: string, required = false): { entry: JsonObject; path: string }[] {
    const value = object[key];
    if (value === undefined) {
      if (required) this.fail(path, `must have required property '${key}'`);
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(`${path}.${key}`, 'must be array');
      return [];
    }
    return value.flatMap((entry, i) => {
      if (isObject(entry)) return [{ entry, path: at(`${path}.${key}`, i) }];
      this.fail(at(`${path}.${key}`, i), 'must be object');
      return [];
    });
  }

  /** The "SPDXRef-" form is the specification's rule, which the official JSON schema does not state: always checked. */
  id(object: JsonObject, path: string): void {
    const id = this.string(object, 'SPDXID', path, true);
    if (id === undefined) return;
    if (!SPDX_ID.test(id)) this.fail(`${path}.SPDXID`, `must match pattern "${SPDX_ID.source}"`, true);
    if (this.ids.has(id)) this.fail(`${path}.SPDXID`, `duplicate SPDXID ${id}`, true);
    this.ids.add(id);
  }

  checksums(object: JsonObject, path: string, required: boolean): void {
    for (const { entry, path: checksumPath } of this.objects(object, 'checksums', path, required)) {
      this.oneOf(entry, 'algorithm', checksumPath, ALGORITHMS, true);
      this.string(entry, 'checksumValue', checksumPath, true, HEX);
    }
  }
}

function checkDocument(checker: SpdxChecker, doc: JsonObject): void {
  const id = checker.string(doc, 'SPDXID', '$', true);
  if (id !== undefined && id !== 'SPDXRef-DOCUMENT') checker.fail('$.SPDXID', 'must be "SPDXRef-DOCUMENT"');
  const license = checker.string(doc, 'dataLicense', '$', true);
  if (license !== undefined && license !== 'CC0-1.0') checker.fail('$.dataLicense', 'must be "CC0-1.0"');
  checker.oneOf(doc, 'spdxVersion', '$', new Set(['SPDX-2.2', 'SPDX-2.3']), true);
  checker.string(doc, 'name', '$', true);
  checker.string(doc, 'documentNamespace', '$', true);
  const creationInfo = doc.creationInfo;
  if (!isObject(creationInfo)) {
    checker.fail(
      creationInfo === undefined ? '$' : '$.creationInfo',
      creationInfo === undefined ? "must have required property 'creationInfo'" : 'must be object',
    );
    return;
  }
  checker.string(creationInfo, 'created', '$.creationInfo', true, DATE);
  const creators = creationInfo.creators;
  if (!Array.isArray(creators) || creators.length === 0 || creators.some((creator) => typeof creator !== 'string')) {
    checker.fail('$.creationInfo.creators', 'must be a non-empty array of strings');
  }
}

function checkPackages(checker: SpdxChecker, doc: JsonObject): void {
  for (const { entry, path } of checker.objects(doc, 'packages', '$')) {
    checker.id(entry, path);
    checker.string(entry, 'name', path, true);
    checker.string(entry, 'downloadLocation', path, true);
    checker.string(entry, 'versionInfo', path, false);
    checker.oneOf(entry, 'primaryPackagePurpose', path, PURPOSES, false);
    if (entry.filesAnalyzed !== undefined && typeof entry.filesAnalyzed !== 'boolean') {
      checker.fail(`${path}.filesAnalyzed`, 'must be boolean');
    }
    checker.checksums(entry, path, false);
    for (const { entry: ref, path: refPath } of checker.objects(entry, 'externalRefs', path)) {
      checker.oneOf(ref, 'referenceCategory', refPath, REFERENCE_CATEGORIES, true);
      checker.string(ref, 'referenceType', refPath, true);
      checker.string(ref, 'referenceLocator', refPath, true);
    }
  }
  for (const { entry, path } of checker.objects(doc, 'files', '$')) {
    checker.id(entry, path);
    checker.string(entry, 'fileName', path, true);
    checker.checksums(entry, path, true);
  }
}

/** Relationship ends must name an element of this document, another document's, or NONE/NOASSERTION. */
function checkRelationships(checker: SpdxChecker, doc: JsonObject): void {
  const known = (id: string): boolean =>
    checker.ids.has(id) || id.startsWith('DocumentRef-') || id === 'NONE' || id === 'NOASSERTION';
  for (const { entry, path } of checker.objects(doc, 'relationships', '$')) {
    checker.oneOf(entry, 'relationshipType', path, RELATIONSHIP_TYPES, true);
    for (const key of ['spdxElementId', 'relatedSpdxElement']) {
      const id = checker.string(entry, key, path, true);
      if (id !== undefined && !known(id)) checker.fail(`${path}.${key}`, `refers to undefined element ${id}`, true);
    }
  }
}

/** Every check (for tag-value), or with consistencyOnly the two rules a schema cannot express (for JSON). */
export function validateSpdxJson(document: unknown, consistencyOnly = false): SbomValidation {
  const checker = new SpdxChecker(consistencyOnly);
  if (!isObject(document)) return { valid: false, errors: [{ path: '$', message: 'must be object' }] };
  checkDocument(checker, document);
  checkPackages(checker, document);
  checkRelationships(checker, document);
  return { valid: checker.errors.length === 0, errors: checker.errors };
}
