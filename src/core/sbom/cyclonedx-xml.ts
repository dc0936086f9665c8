import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../io/errors';
import { checkCycloneDxVersion, readCycloneDx } from './cyclonedx';
import { isObject, type JsonObject } from './json-fields';
import { MAX_XML_NESTING } from './limits';
import type { Sbom } from './types';
import { byteOffsetOf, decodeXmlText, findXmlRoot } from './xml-safety';

const NAMESPACE_PREFIX = 'http://cyclonedx.org/schema/bom/';

/** Elements that may repeat: always lists, so one occurrence and many read the same way. */
const LIST_ELEMENTS = new Set(['component', 'hash', 'license', 'property', 'dependency', 'tool', 'service']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Never expand entities or read a DTD; the five predefined ones are decoded by decodeXmlText.
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  maxNestedTags: MAX_XML_NESTING,
  isArray: (name, _jPath, _isLeaf, isAttribute) => !isAttribute && LIST_ELEMENTS.has(name),
  tagValueProcessor: (_name, value) => decodeXmlText(value),
  attributeValueProcessor: (_name, value) => decodeXmlText(value),
});

/** CycloneDX XML, or null when the document's root is not a CycloneDX <bom>. */
export function parseCycloneDxXml(text: string): Sbom | null {
  const root = findXmlRoot(text);
  if (!root || root.localName !== 'bom' || !root.namespace.startsWith(NAMESPACE_PREFIX)) return null;
  const specVersion = root.namespace.slice(NAMESPACE_PREFIX.length);
  checkCycloneDxVersion(specVersion, byteOffsetOf(text, root.index));
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    throw new FormatError(offsetOfLine(text, line, col), `malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  let tree: unknown;
  try {
    tree = parser.parse(text);
  } catch (error) {
    // fast-xml-parser reports limits it enforces (nesting) with a plain Error after validation passed.
    throw new FormatError(0, `malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bom = isObject(tree) && isObject(tree.bom) ? tree.bom : {};
  return readCycloneDx(toJsonShape(bom, specVersion), 'cyclonedx-xml');
}

function offsetOfLine(text: string, line: number, col: number): number {
  let index = 0;
  for (let current = 1; current < line && index >= 0; current++) index = text.indexOf('\n', index) + 1;
  return byteOffsetOf(text, Math.max(0, index) + Math.max(0, col - 1));
}

/** Text content of an element: "<a>x</a>" parses to "x", "<a k='v'>x</a>" to {"#text": "x", "@k": "v"}. */
function text(node: unknown): string | undefined {
  const value = Array.isArray(node) ? node[0] : node;
  if (typeof value === 'string') return value;
  if (isObject(value)) return typeof value['#text'] === 'string' ? value['#text'] : '';
  return undefined;
}

function child(node: unknown, name: string): unknown {
  const value = isObject(node) ? node[name] : undefined;
  return Array.isArray(value) && !LIST_ELEMENTS.has(name) ? value[0] : value;
}

function list(node: unknown, wrapper: string, item: string): unknown[] {
  const items = child(child(node, wrapper), item);
  return Array.isArray(items) ? items : [];
}

function defined(object: JsonObject): JsonObject {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

function toJsonShape(bom: JsonObject, specVersion: string): JsonObject {
  const metadata = child(bom, 'metadata');
  return defined({
    specVersion,
    metadata: metadata === undefined ? undefined : convertMetadata(metadata),
    components: list(bom, 'components', 'component').map(convertComponent),
    dependencies: list(bom, 'dependencies', 'dependency').map(convertDependency),
  });
}

function convertMetadata(metadata: unknown): JsonObject {
  const tools = child(metadata, 'tools');
  const legacyTools = list(metadata, 'tools', 'tool');
  const component = child(metadata, 'component');
  return defined({
    timestamp: text(child(metadata, 'timestamp')),
    tools: legacyTools.length > 0 ? legacyTools.map(convertTool) : convertToolsObject(tools),
    component: Array.isArray(component) ? convertComponent(component[0]) : undefined,
  });
}

function convertTool(tool: unknown): JsonObject {
  return defined({ name: text(child(tool, 'name')), version: text(child(tool, 'version')) });
}

function convertToolsObject(tools: unknown): JsonObject | undefined {
  if (!isObject(tools)) return undefined;
  return {
    components: list(tools, 'components', 'component').map(convertTool),
    services: list(tools, 'services', 'service').map(convertTool),
  };
}

function attribute(node: unknown, name: string): string | undefined {
  const value = isObject(node) ? node[`@${name}`] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function convertComponent(component: unknown): JsonObject {
  const nested = list(component, 'components', 'component');
  const ancestors = list(child(component, 'pedigree'), 'ancestors', 'component');
  return defined({
    type: attribute(component, 'type'),
    'bom-ref': attribute(component, 'bom-ref'),
    group: text(child(component, 'group')),
    name: text(child(component, 'name')),
    version: text(child(component, 'version')),
    purl: text(child(component, 'purl')),
    hashes: list(component, 'hashes', 'hash').map((hash) => ({ alg: attribute(hash, 'alg'), content: text(hash) })),
    licenses: convertLicenses(child(component, 'licenses')),
    properties: list(component, 'properties', 'property').map((property) =>
      defined({ name: attribute(property, 'name'), value: text(property) }),
    ),
    components: nested.length > 0 ? nested.map(convertComponent) : undefined,
    pedigree: ancestors.length > 0 ? { ancestors: ancestors.map(convertComponent) } : undefined,
  });
}

function convertLicenses(licenses: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const expression = text(child(licenses, 'expression'));
  if (expression) out.push({ expression });
  for (const license of list({ licenses }, 'licenses', 'license')) {
    out.push({ license: defined({ id: text(child(license, 'id')), name: text(child(license, 'name')) }) });
  }
  return out;
}

function convertDependency(dependency: unknown): JsonObject {
  const inner = child(dependency, 'dependency');
  const dependsOn = (Array.isArray(inner) ? inner : []).map((entry) => attribute(entry, 'ref'));
  return { ref: attribute(dependency, 'ref'), dependsOn };
}
