import { FormatError } from '../io/errors';
import {
  mapObjects,
  optionalObject,
  optionalString,
  optionalStrings,
  requiredString,
  type JsonObject,
} from './json-fields';
import { MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
import type { Sbom, SbomComponent, SbomDependency, SbomFormat, SbomHash } from './types';

export const SPDX_VERSIONS: readonly string[] = ['2.2', '2.3'];

/** SPDX checksum algorithm names in CycloneDX spelling, so hashes compare across formats. */
const CHECKSUM_ALGORITHMS: Record<string, string> = {
  SHA1: 'SHA-1',
  SHA224: 'SHA-224',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
  'SHA3-256': 'SHA3-256',
  'SHA3-384': 'SHA3-384',
  'SHA3-512': 'SHA3-512',
  'BLAKE2b-256': 'BLAKE2b-256',
  'BLAKE2b-384': 'BLAKE2b-384',
  'BLAKE2b-512': 'BLAKE2b-512',
  BLAKE3: 'BLAKE3',
  MD5: 'MD5',
};

/** Relationship types that make an edge, and whether the edge runs from the related element back to the subject. */
const EDGE_TYPES: Record<string, 'forward' | 'reverse'> = {
  DEPENDS_ON: 'forward',
  CONTAINS: 'forward',
  STATIC_LINK: 'forward',
  DEPENDENCY_OF: 'reverse',
  CONTAINED_BY: 'reverse',
};

/** Values SPDX uses to say "no license information": not a license. */
const NO_LICENSE = new Set(['NOASSERTION', 'NONE', '']);

/** An SPDX 2.x document in its JSON shape; the tag-value reader converts to this shape first. */
export function readSpdx(doc: JsonObject, format: SbomFormat = 'spdx-json'): Sbom {
  const spdxVersion = requiredString(doc, 'spdxVersion', '$');
  const specVersion = spdxVersion.replace(/^SPDX-/, '');
  if (!SPDX_VERSIONS.includes(specVersion)) {
    throw new FormatError(0, `unsupported SPDX version "${spdxVersion}" (supported: SPDX-2.2, SPDX-2.3)`);
  }
  const packages = mapObjects(doc, 'packages', '$', MAX_SBOM_COMPONENTS, readPackage);
  const relationships = readRelationships(doc);
  const described = describedIds(doc, relationships);
  const main = packages.find((component) => described.has(component.bomRef));
  const creationInfo = optionalObject(doc, 'creationInfo', '$');
  const timestamp = creationInfo ? optionalString(creationInfo, 'created', '$.creationInfo') : undefined;
  return {
    format,
    specVersion,
    metadata: {
      name: optionalString(doc, 'name', '$'),
      ...(main?.version ? { version: main.version } : {}),
      ...(timestamp ? { timestamp } : {}),
      tools: creationInfo ? readTools(creationInfo) : [],
      ...(main ? { component: main } : {}),
    },
    components: packages.filter((component) => component !== main),
    dependencies: readEdges(relationships),
  };
}

function readPackage(object: JsonObject, path: string): SbomComponent {
  const purpose = optionalString(object, 'primaryPackagePurpose', path);
  const licenses = ['licenseConcluded', 'licenseDeclared']
    .map((key) => optionalString(object, key, path) ?? '')
    .filter((license, i, all) => !NO_LICENSE.has(license) && all.indexOf(license) === i);
  return {
    bomRef: requiredString(object, 'SPDXID', path),
    name: requiredString(object, 'name', path),
    version: optionalString(object, 'versionInfo', path) ?? '',
    purl: readPurl(object, path),
    type: purpose ? purpose.toLowerCase() : 'library',
    hashes: readChecksums(object, path),
    licenses,
    properties: [],
    ancestors: [],
  };
}

function readPurl(object: JsonObject, path: string): string {
  const purls = mapObjects(object, 'externalRefs', path, MAX_SBOM_COMPONENTS, (ref, refPath) =>
    optionalString(ref, 'referenceType', refPath) === 'purl' ? requiredString(ref, 'referenceLocator', refPath) : '',
  );
  return purls.find(Boolean) ?? '';
}

function readChecksums(object: JsonObject, path: string): SbomHash[] {
  return mapObjects(object, 'checksums', path, MAX_SBOM_COMPONENTS, (checksum, checksumPath) => {
    const algorithm = requiredString(checksum, 'algorithm', checksumPath);
    return {
      alg: CHECKSUM_ALGORITHMS[algorithm] ?? algorithm,
      content: requiredString(checksum, 'checksumValue', checksumPath).toLowerCase(),
    };
  });
}

function readTools(creationInfo: JsonObject): string[] {
  const creators = optionalStrings(creationInfo, 'creators', '$.creationInfo', MAX_SBOM_COMPONENTS);
  return creators.flatMap((creator) => (creator.startsWith('Tool:') ? [creator.slice(5).trim()] : []));
}

interface Relationship {
  type: string;
  subject: string;
  related: string;
}

/** The relationships, plus the CONTAINS that a package's hasFiles list states in the JSON form's shorthand. */
function readRelationships(doc: JsonObject): Relationship[] {
  const relationships = mapObjects(doc, 'relationships', '$', MAX_SBOM_DEPENDENCIES, (relationship, path) => ({
    type: requiredString(relationship, 'relationshipType', path),
    subject: requiredString(relationship, 'spdxElementId', path),
    related: requiredString(relationship, 'relatedSpdxElement', path),
  }));
  const files = mapObjects(doc, 'packages', '$', MAX_SBOM_COMPONENTS, (pkg, path) =>
    optionalStrings(pkg, 'hasFiles', path, MAX_SBOM_DEPENDENCIES).map((file) => ({
      type: 'CONTAINS',
      subject: typeof pkg.SPDXID === 'string' ? pkg.SPDXID : '',
      related: file,
    })),
  );
  const all = relationships.concat(...files);
  if (all.length > MAX_SBOM_DEPENDENCIES) throw new FormatError(0, `more than ${MAX_SBOM_DEPENDENCIES} relationships`);
  return all;
}

/** What the document describes: documentDescribes (2.2) and DESCRIBES relationships from the document. */
function describedIds(doc: JsonObject, relationships: Relationship[]): Set<string> {
  const ids = new Set(optionalStrings(doc, 'documentDescribes', '$', MAX_SBOM_COMPONENTS));
  for (const { type, subject, related } of relationships) {
    if (type === 'DESCRIBES' && subject === 'SPDXRef-DOCUMENT') ids.add(related);
  }
  return ids;
}

function readEdges(relationships: Relationship[]): SbomDependency[] {
  // Sets: documents repeat themselves (a hasFiles list naming a file twice, a relationship also given as hasFiles),
  // and the main package alone may have tens of thousands of edges.
  const byRef = new Map<string, Set<string>>();
  for (const { type, subject, related } of relationships) {
    const direction = EDGE_TYPES[type];
    if (!direction) continue;
    const [from, to] = direction === 'forward' ? [subject, related] : [related, subject];
    const targets = byRef.get(from) ?? new Set<string>();
    targets.add(to);
    byRef.set(from, targets);
  }
  return [...byRef].map(([ref, dependsOn]) => ({ ref, dependsOn: [...dependsOn] }));
}
