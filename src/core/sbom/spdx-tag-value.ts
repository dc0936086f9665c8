import { FormatError } from '../io/errors';
import type { JsonObject } from './json-fields';
import { MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
import { byteOffsetOf } from './xml-safety';

/**
 * SPDX 2.x tag-value (the ".spdx" text format): "Tag: value" lines, values that span lines wrapped in
 * <text>…</text>, "#" comment lines. It is turned into the SPDX JSON shape, so one SPDX reader and one set of
 * required-field checks serve both serialisations. Tags this product does not use (annotations, snippets, licence
 * texts) are passed over; sections are still tracked, so their SPDXID lines do not land on the wrong element.
 */

/** A document this long has far more lines than any SBOM within MAX_SBOM_BYTES needs; each line is one entry. */
const MAX_TAG_LINES = MAX_SBOM_COMPONENTS * 20;

interface TagLine {
  tag: string;
  value: string;
  /** Character index of the line; turned into a byte offset only for an error (that costs a pass over the text). */
  at: number;
}

const TAG = /^([A-Za-z][A-Za-z0-9]*):[ \t]*/;

/** True when the text starts, after blank and comment lines, with the SPDXVersion tag every document opens with. */
export function looksLikeSpdxTagValue(text: string): boolean {
  for (const line of text.slice(0, 4096).split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return /^SPDXVersion:/.test(trimmed);
  }
  return false;
}

/** A <text>…</text> value: where it ends (index after "</text>") and what it holds. */
function readTextBlock(text: string, start: number, lineStart: number): { value: string; end: number } {
  const close = text.indexOf('</text>', start);
  if (close < 0) throw new FormatError(byteOffsetOf(text, lineStart), 'a <text> value is never closed by </text>');
  return { value: text.slice(start + '<text>'.length, close), end: close + '</text>'.length };
}

/** Splits the document into tag lines; a line that is neither a tag, a comment nor blank is malformed. */
export function tagLines(text: string): TagLine[] {
  const lines: TagLine[] = [];
  let index = 0;
  while (index < text.length) {
    let end = text.indexOf('\n', index);
    if (end < 0) end = text.length;
    const line = text.slice(index, end).replace(/\r$/, '');
    const trimmed = line.trim();
    const match = TAG.exec(trimmed);
    if (trimmed === '' || trimmed.startsWith('#')) {
      index = end + 1;
      continue;
    }
    if (!match) {
      const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
      throw new FormatError(byteOffsetOf(text, index), `not an SPDX "Tag: value" line: ${JSON.stringify(shown)}`);
    }
    const valueStart = index + line.indexOf(match[0]) + match[0].length;
    let value = trimmed.slice(match[0].length);
    if (value.startsWith('<text>')) {
      const block = readTextBlock(text, valueStart, index);
      value = block.value;
      end = text.indexOf('\n', block.end);
      if (end < 0) end = text.length;
    }
    lines.push({ tag: match[1] as string, value: value.trim(), at: index });
    if (lines.length > MAX_TAG_LINES) throw new FormatError(0, `more than ${MAX_TAG_LINES} tag lines`);
    index = end + 1;
  }
  return lines;
}

/** Tags that open a new section; the SPDXID and fields after them belong to that section. */
const SECTION_START: Record<string, 'package' | 'file' | 'other'> = {
  PackageName: 'package',
  FileName: 'file',
  SnippetSPDXID: 'other',
  LicenseID: 'other',
  Annotator: 'other',
};

/** Package tags and the SPDX JSON keys they fill. */
const PACKAGE_FIELDS: Record<string, string> = {
  PackageName: 'name',
  SPDXID: 'SPDXID',
  PackageVersion: 'versionInfo',
  PackageFileName: 'packageFileName',
  PackageDownloadLocation: 'downloadLocation',
  PackageLicenseConcluded: 'licenseConcluded',
  PackageLicenseDeclared: 'licenseDeclared',
  PackageSourceInfo: 'sourceInfo',
  PrimaryPackagePurpose: 'primaryPackagePurpose',
  PackageCopyrightText: 'copyrightText',
};

const FILE_FIELDS: Record<string, string> = { FileName: 'fileName', SPDXID: 'SPDXID' };

const DOCUMENT_FIELDS: Record<string, string> = {
  SPDXVersion: 'spdxVersion',
  DataLicense: 'dataLicense',
  SPDXID: 'SPDXID',
  DocumentName: 'name',
  DocumentNamespace: 'documentNamespace',
};

/** "SHA256: 0a1b…" → {algorithm, checksumValue}; a value without the colon keeps the whole as the algorithm. */
function checksum(value: string): JsonObject {
  const colon = value.indexOf(':');
  if (colon < 0) return { algorithm: value, checksumValue: '' };
  return { algorithm: value.slice(0, colon).trim(), checksumValue: value.slice(colon + 1).trim() };
}

/** "PACKAGE-MANAGER purl pkg:golang/…" → an external reference; missing parts stay empty for validation to name. */
function externalRef(value: string): JsonObject {
  const [category = '', type = '', ...locator] = value.split(/\s+/);
  return { referenceCategory: category, referenceType: type, referenceLocator: locator.join(' ') };
}

/** "SPDXRef-A DEPENDS_ON SPDXRef-B" → a relationship; null when the value has not three parts. */
function relationship(line: TagLine): JsonObject | null {
  const parts = line.value.split(/\s+/);
  if (parts.length !== 3) return null;
  const [spdxElementId, relationshipType, relatedSpdxElement] = parts as [string, string, string];
  return { spdxElementId, relationshipType, relatedSpdxElement };
}

function push(object: JsonObject, key: string, value: unknown): void {
  const list = (object[key] as unknown[] | undefined) ?? [];
  list.push(value);
  object[key] = list;
}

/** A package tag onto the package being read. FilesAnalyzed becomes a boolean when it is one, else stays text. */
function addPackageTag(pkg: JsonObject, line: TagLine): void {
  const key = PACKAGE_FIELDS[line.tag];
  if (key) pkg[key] = line.value;
  else if (line.tag === 'PackageChecksum') push(pkg, 'checksums', checksum(line.value));
  else if (line.tag === 'ExternalRef') push(pkg, 'externalRefs', externalRef(line.value));
  else if (line.tag === 'FilesAnalyzed') {
    pkg.filesAnalyzed = line.value === 'true' ? true : line.value === 'false' ? false : line.value;
  }
}

/**
 * A file tag onto the file being read. A file that follows a package in tag-value is that package's (the JSON form
 * says the same with the package's hasFiles list, as the specification's two examples of one document show).
 */
function addFileTag(file: JsonObject, line: TagLine, owner: JsonObject | null): void {
  const key = FILE_FIELDS[line.tag];
  if (key) file[key] = line.value;
  else if (line.tag === 'FileChecksum') push(file, 'checksums', checksum(line.value));
  if (line.tag === 'SPDXID' && owner) push(owner, 'hasFiles', line.value);
}

function addDocumentTag(document: JsonObject, creationInfo: JsonObject, line: TagLine): void {
  const key = DOCUMENT_FIELDS[line.tag];
  if (key) document[key] = line.value;
  else if (line.tag === 'Creator') push(creationInfo, 'creators', line.value);
  else if (line.tag === 'Created') creationInfo.created = line.value;
}

/**
 * The document in the SPDX 2.x JSON shape. Throws FormatError when the text is not tag-value at all past its
 * first line, or breaks the format's own syntax (an unclosed <text>, a Relationship without three parts).
 */
export function spdxTagValueToJson(text: string): JsonObject {
  const document: JsonObject = {};
  const creationInfo: JsonObject = {};
  const packages: JsonObject[] = [];
  const files: JsonObject[] = [];
  const relationships: JsonObject[] = [];
  let section: { kind: 'document' | 'package' | 'file' | 'other'; element: JsonObject } = {
    kind: 'document',
    element: document,
  };
  const fail = (line: TagLine, message: string) => new FormatError(byteOffsetOf(text, line.at), message);
  let owner: JsonObject | null = null;
  for (const line of tagLines(text)) {
    const starts = SECTION_START[line.tag];
    if (starts) {
      section = { kind: starts, element: {} };
      if (starts === 'package') packages.push((owner = section.element));
      if (starts === 'file') files.push(section.element);
    }
    if (line.tag === 'Relationship') {
      const related = relationship(line);
      if (!related) throw fail(line, `a Relationship needs an element, a type and an element: "${line.value}"`);
      relationships.push(related);
    } else if (section.kind === 'document') addDocumentTag(document, creationInfo, line);
    else if (section.kind === 'package') addPackageTag(section.element, line);
    else if (section.kind === 'file') addFileTag(section.element, line, owner);
    if (packages.length + files.length > MAX_SBOM_COMPONENTS) {
      throw fail(line, `more than ${MAX_SBOM_COMPONENTS} packages and files`);
    }
    if (relationships.length > MAX_SBOM_DEPENDENCIES) {
      throw fail(line, `more than ${MAX_SBOM_DEPENDENCIES} relationships`);
    }
  }
  if (Object.keys(creationInfo).length > 0) document.creationInfo = creationInfo;
  if (packages.length > 0) document.packages = packages;
  if (files.length > 0) document.files = files;
  if (relationships.length > 0) document.relationships = relationships;
  return document;
}
