import { FormatError } from '../io/errors';
import {
  expectArray,
  isObject,
  mapObjects,
  optionalArray,
  optionalString,
  requiredString,
  wrongType,
  type JsonObject,
} from './json-fields';
import { MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES } from './limits';
import type { Sbom, SbomComponent, SbomDependency, SbomHash } from './types';

/**
 * SPDX 3.0 in its JSON-LD serialisation: a "@graph" of elements, each with a "type" and an "spdxId", tied
 * together by Relationship elements. Packages become components, "dependsOn", "contains" and "hasStaticLink"
 * relationships become dependency edges (SPDX 3 has no reverse forms such as DEPENDENCY_OF), and the root element
 * of the SBOM (or of the document) is the thing described. References are IRIs; inline objects are read where the
 * model allows them (creation info, hashes, identifiers).
 */

const CONTEXT = /^https:\/\/spdx\.org\/rdf\/3\.0(\.\d+)?\/spdx-context\.jsonld$/;

/** SPDX 3 hash algorithm names in CycloneDX spelling, so hashes compare across formats. */
const HASH_ALGORITHMS: Record<string, string> = {
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  sha3_256: 'SHA3-256',
  sha3_384: 'SHA3-384',
  sha3_512: 'SHA3-512',
  blake2b256: 'BLAKE2b-256',
  blake2b384: 'BLAKE2b-384',
  blake2b512: 'BLAKE2b-512',
  blake3: 'BLAKE3',
  md5: 'MD5',
};

const EDGE_TYPES = new Set(['dependsOn', 'contains', 'hasStaticLink']);
const LICENSE_TYPES = new Set(['hasConcludedLicense', 'hasDeclaredLicense']);

/** The SPDX 3 context this document names, or null when it names none (then it is not an SPDX 3 document). */
export function spdx3Context(doc: JsonObject): string | null {
  const context = doc['@context'];
  const names = Array.isArray(context) ? context : [context];
  const found = names.find((name): name is string => typeof name === 'string' && CONTEXT.test(name));
  return found ?? null;
}

/** The graph's elements: "@graph", or the document itself when it is one element with the context inline. */
function graphOf(doc: JsonObject): JsonObject[] {
  const graph = doc['@graph'] === undefined ? [doc] : expectArray(doc['@graph'], '$.@graph', MAX_SBOM_COMPONENTS * 4);
  return graph.map((element, i) => {
    if (!isObject(element)) throw new FormatError(0, `$.@graph[${i}] must be an object`);
    return element;
  });
}

interface Graph {
  byId: Map<string, JsonObject>;
  elements: { element: JsonObject; path: string }[];
}

function indexGraph(doc: JsonObject): Graph {
  const byId = new Map<string, JsonObject>();
  const elements = graphOf(doc).map((element, i) => {
    const path = `$.@graph[${i}]`;
    requiredString(element, 'type', path);
    const id = optionalString(element, 'spdxId', path) ?? optionalString(element, '@id', path);
    if (id !== undefined) byId.set(id, element);
    return { element, path };
  });
  return { byId, elements };
}

/**
 * A property that JSON-LD lets hold references or the objects themselves: IRIs (and blank-node ids) stay as they
 * are, inline objects give their spdxId or @id, or themselves when they have none (a hash, say).
 */
function references(element: JsonObject, key: string, path: string): (string | JsonObject)[] {
  return optionalArray(element, key, path, MAX_SBOM_DEPENDENCIES).map((entry, i) => {
    if (typeof entry === 'string') return entry;
    if (!isObject(entry)) throw wrongType(`${path}.${key}[${i}]`, 'a string or an object', entry);
    const id = entry.spdxId ?? entry['@id'];
    return typeof id === 'string' ? id : entry;
  });
}

/** The ids among a property's references; inline objects without an id name nothing. */
function referenceIds(element: JsonObject, key: string, path: string): string[] {
  return references(element, key, path).filter((entry): entry is string => typeof entry === 'string');
}

function readHashes(graph: Graph, element: JsonObject, path: string): SbomHash[] {
  const out: SbomHash[] = [];
  references(element, 'verifiedUsing', path).forEach((entry, i) => {
    const hash = typeof entry === 'string' ? graph.byId.get(entry) : entry;
    if (!hash || hash.type !== 'Hash') return;
    const hashPath = `${path}.verifiedUsing[${i}]`;
    const algorithm = requiredString(hash, 'algorithm', hashPath);
    const content = requiredString(hash, 'hashValue', hashPath).toLowerCase();
    out.push({ alg: HASH_ALGORITHMS[algorithm] ?? algorithm, content });
  });
  return out;
}

/** software_packageUrl, or else an external identifier of type packageUrl. */
function readPurl(element: JsonObject, path: string): string {
  const direct = optionalString(element, 'software_packageUrl', path);
  if (direct) return direct;
  const identifiers = mapObjects(element, 'externalIdentifier', path, MAX_SBOM_COMPONENTS, (identifier, idPath) =>
    identifier.externalIdentifierType === 'packageUrl' ? requiredString(identifier, 'identifier', idPath) : '',
  );
  return identifiers.find(Boolean) ?? '';
}

function readPackage(graph: Graph, element: JsonObject, path: string, licenses: string[]): SbomComponent {
  return {
    bomRef: requiredString(element, 'spdxId', path),
    name: requiredString(element, 'name', path),
    version: optionalString(element, 'software_packageVersion', path) ?? '',
    purl: readPurl(element, path),
    type: optionalString(element, 'software_primaryPurpose', path) ?? 'library',
    hashes: readHashes(graph, element, path),
    licenses,
    properties: [],
    ancestors: [],
  };
}

interface Relationship {
  type: string;
  from: string;
  to: string[];
}

function readRelationships(graph: Graph): Relationship[] {
  const out: Relationship[] = [];
  for (const { element, path } of graph.elements) {
    if (element.type !== 'Relationship' && !String(element.type).endsWith('Relationship')) continue;
    const to = referenceIds(element, 'to', path);
    const from =
      typeof element.from === 'string' ? element.from : referenceIds({ from: [element.from] }, 'from', path)[0];
    if (from === undefined) throw wrongType(`${path}.from`, 'a reference', element.from);
    out.push({ type: requiredString(element, 'relationshipType', path), from, to });
    if (out.length > MAX_SBOM_DEPENDENCIES)
      throw new FormatError(0, `more than ${MAX_SBOM_DEPENDENCIES} relationships`);
  }
  return out;
}

/** Licence expressions each element points at through hasConcludedLicense / hasDeclaredLicense. */
function licensesByElement(graph: Graph, relationships: Relationship[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { type, from, to } of relationships) {
    if (!LICENSE_TYPES.has(type)) continue;
    for (const target of to) {
      const license = graph.byId.get(target);
      const expression = license?.simplelicensing_licenseExpression;
      if (typeof expression !== 'string' || expression === 'NOASSERTION' || expression === 'NONE') continue;
      const list = out.get(from) ?? [];
      if (!list.includes(expression)) list.push(expression);
      out.set(from, list);
    }
  }
  return out;
}

function readEdges(relationships: Relationship[]): SbomDependency[] {
  // Sets: one element may be the "from" of thousands of relationships, each naming one "to".
  const byRef = new Map<string, Set<string>>();
  for (const { type, from, to } of relationships) {
    if (!EDGE_TYPES.has(type)) continue;
    const targets = byRef.get(from) ?? new Set<string>();
    for (const target of to) targets.add(target);
    byRef.set(from, targets);
  }
  return [...byRef].map(([ref, dependsOn]) => ({ ref, dependsOn: [...dependsOn] }));
}

/** The described element: the first SBOM's root element, else the document's. */
function rootId(graph: Graph): string | undefined {
  for (const type of ['software_Sbom', 'SpdxDocument']) {
    for (const { element, path } of graph.elements) {
      if (element.type !== type) continue;
      const roots = referenceIds(element, 'rootElement', path);
      const packageRoot = roots.find((id) => graph.byId.get(id)?.type === 'software_Package');
      if (packageRoot) return packageRoot;
    }
  }
  return undefined;
}

/** The document's creation info: inline on the document element, or a blank node ("_:…") in the graph. */
function creationInfoOf(graph: Graph): JsonObject | undefined {
  const document = graph.elements.find(({ element }) => element.type === 'SpdxDocument');
  const info = document?.element.creationInfo;
  if (isObject(info)) return info;
  if (typeof info === 'string' && graph.byId.get(info)?.type === 'CreationInfo') return graph.byId.get(info);
  return graph.elements.find(({ element }) => element.type === 'CreationInfo')?.element;
}

function readTools(graph: Graph, creationInfo: JsonObject | undefined): string[] {
  if (!creationInfo) return [];
  return references(creationInfo, 'createdUsing', '$.creationInfo').map((tool) => {
    const name = (typeof tool === 'string' ? graph.byId.get(tool) : tool)?.name;
    return typeof name === 'string' ? name : String(typeof tool === 'string' ? tool : '');
  });
}

function specVersionOf(context: string, creationInfo: JsonObject | undefined): string {
  const stated = creationInfo ? optionalString(creationInfo, 'specVersion', '$.creationInfo') : undefined;
  return stated ?? /\/rdf\/(3\.0(?:\.\d+)?)\//.exec(context)?.[1] ?? '3.0';
}

export function readSpdx3(doc: JsonObject, context: string): Sbom {
  const graph = indexGraph(doc);
  const relationships = readRelationships(graph);
  const licenses = licensesByElement(graph, relationships);
  const packages = graph.elements
    .filter(({ element }) => element.type === 'software_Package')
    .map(({ element, path }) => readPackage(graph, element, path, licenses.get(String(element.spdxId)) ?? []));
  if (packages.length > MAX_SBOM_COMPONENTS) throw new FormatError(0, `more than ${MAX_SBOM_COMPONENTS} packages`);
  const root = rootId(graph);
  const main = packages.find((component) => component.bomRef === root);
  const creationInfo = creationInfoOf(graph);
  const created = creationInfo ? optionalString(creationInfo, 'created', '$.creationInfo') : undefined;
  const documentName = graph.elements.find(({ element }) => element.type === 'SpdxDocument')?.element.name;
  return {
    format: 'spdx3-json',
    specVersion: specVersionOf(context, creationInfo),
    metadata: {
      ...(typeof documentName === 'string' ? { name: documentName } : {}),
      ...(main?.version ? { version: main.version } : {}),
      ...(created ? { timestamp: created } : {}),
      tools: readTools(graph, creationInfo),
      ...(main ? { component: main } : {}),
    },
    components: packages.filter((component) => component !== main),
    dependencies: readEdges(relationships),
  };
}
