import { FormatError } from '../io/errors';
import {
  at,
  expectObject,
  mapObjects,
  optionalArray,
  optionalObject,
  optionalString,
  optionalStrings,
  requiredString,
  type JsonObject,
} from './json-fields';
import { MAX_SBOM_COMPONENTS, MAX_SBOM_DEPENDENCIES, MAX_SBOM_NESTING } from './limits';
import type { Sbom, SbomComponent, SbomDependency, SbomFormat, SbomHash, SbomMetadata, SbomProperty } from './types';

/** The CycloneDX versions this reader (and validateSbom) knows, JSON and XML alike. */
export const CYCLONEDX_VERSIONS: readonly string[] = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'];

export function checkCycloneDxVersion(specVersion: string, offset = 0): void {
  if (!CYCLONEDX_VERSIONS.includes(specVersion)) {
    throw new FormatError(offset, `unsupported CycloneDX specVersion "${specVersion}" (supported: 1.2 to 1.7)`);
  }
}

/** Collects the flattened component list and enforces the component limit across all nesting levels. */
interface ComponentSink {
  components: SbomComponent[];
}

/**
 * Reads a CycloneDX document in its JSON shape. The XML reader converts to this same shape, so both formats share
 * one set of type checks.
 */
export function readCycloneDx(doc: JsonObject, format: SbomFormat): Sbom {
  const specVersion = requiredString(doc, 'specVersion', '$');
  checkCycloneDxVersion(specVersion);
  const sink: ComponentSink = { components: [] };
  const metadata = readMetadata(optionalObject(doc, 'metadata', '$'), sink);
  readComponentList(doc, '$', 0, sink);
  return { format, specVersion, metadata, components: sink.components, dependencies: readDependencies(doc) };
}

function readMetadata(metadata: JsonObject | undefined, sink: ComponentSink): SbomMetadata {
  if (!metadata) return { tools: [] };
  const path = '$.metadata';
  const result: SbomMetadata = { tools: readTools(metadata, path) };
  const timestamp = optionalString(metadata, 'timestamp', path);
  if (timestamp !== undefined) result.timestamp = timestamp;
  if (metadata.component !== undefined) {
    const object = expectObject(metadata.component, `${path}.component`);
    const component = readComponent(object, `${path}.component`);
    readComponentList(object, `${path}.component`, 1, sink);
    result.component = component;
    result.name = component.name;
    if (component.version) result.version = component.version;
  }
  return result;
}

function toolName(tool: JsonObject, path: string): string {
  const name = optionalString(tool, 'name', path) ?? '';
  return `${name} ${optionalString(tool, 'version', path) ?? ''}`.trim();
}

/** Tools are a list of {vendor, name, version} up to 1.4 and {components, services} from 1.5 on. */
function readTools(metadata: JsonObject, path: string): string[] {
  if (Array.isArray(metadata.tools)) return mapObjects(metadata, 'tools', path, MAX_SBOM_COMPONENTS, toolName);
  const tools = optionalObject(metadata, 'tools', path);
  if (!tools) return [];
  const toolsPath = `${path}.tools`;
  return ['components', 'services'].flatMap((key) => mapObjects(tools, key, toolsPath, MAX_SBOM_COMPONENTS, toolName));
}

function readComponentList(parent: JsonObject, path: string, depth: number, sink: ComponentSink): void {
  const list = optionalArray(parent, 'components', path, MAX_SBOM_COMPONENTS);
  if (list.length === 0) return;
  if (depth > MAX_SBOM_NESTING) throw new FormatError(0, `${path} nests components deeper than ${MAX_SBOM_NESTING}`);
  for (let i = 0; i < list.length; i++) {
    const componentPath = at(`${path}.components`, i);
    const object = expectObject(list[i], componentPath);
    sink.components.push(readComponent(object, componentPath));
    if (sink.components.length > MAX_SBOM_COMPONENTS) {
      throw new FormatError(0, `more than ${MAX_SBOM_COMPONENTS} components`);
    }
    readComponentList(object, componentPath, depth + 1, sink);
  }
}

/** One component's own fields; its nested components are read by readComponentList. */
function readComponent(object: JsonObject, path: string): SbomComponent {
  const component: SbomComponent = {
    bomRef: optionalString(object, 'bom-ref', path) ?? '',
    name: requiredString(object, 'name', path),
    version: optionalString(object, 'version', path) ?? '',
    purl: optionalString(object, 'purl', path) ?? '',
    type: optionalString(object, 'type', path) ?? '',
    hashes: readHashes(object, path),
    licenses: readLicenses(object, path),
    properties: readProperties(object, path),
    ancestors: readAncestors(object, path),
  };
  const group = optionalString(object, 'group', path);
  if (group) component.group = group;
  return component;
}

function readHashes(object: JsonObject, path: string): SbomHash[] {
  return mapObjects(object, 'hashes', path, MAX_SBOM_COMPONENTS, (hash, hashPath) => ({
    alg: requiredString(hash, 'alg', hashPath),
    content: requiredString(hash, 'content', hashPath).toLowerCase(),
  }));
}

/** Licenses are [{license: {id | name}}] or [{expression}]. */
function readLicenses(object: JsonObject, path: string): string[] {
  const choices = mapObjects(object, 'licenses', path, MAX_SBOM_COMPONENTS, (choice, choicePath) => {
    const expression = optionalString(choice, 'expression', choicePath);
    const license = optionalObject(choice, 'license', choicePath);
    if (!license) return expression;
    const id = optionalString(license, 'id', `${choicePath}.license`);
    return id || optionalString(license, 'name', `${choicePath}.license`) || expression;
  });
  return choices.filter((license): license is string => Boolean(license));
}

function readProperties(object: JsonObject, path: string): SbomProperty[] {
  return mapObjects(object, 'properties', path, MAX_SBOM_COMPONENTS, (property, propertyPath) => ({
    name: requiredString(property, 'name', propertyPath),
    value: optionalString(property, 'value', propertyPath) ?? '',
  }));
}

/** pedigree.ancestors: the components this one was derived from; kept as purls (names when no purl). */
function readAncestors(object: JsonObject, path: string): string[] {
  const pedigree = optionalObject(object, 'pedigree', path);
  if (!pedigree) return [];
  return mapObjects(pedigree, 'ancestors', `${path}.pedigree`, MAX_SBOM_COMPONENTS, (ancestor, ancestorPath) => {
    return optionalString(ancestor, 'purl', ancestorPath) || requiredString(ancestor, 'name', ancestorPath);
  });
}

function readDependencies(doc: JsonObject): SbomDependency[] {
  return mapObjects(doc, 'dependencies', '$', MAX_SBOM_DEPENDENCIES, (dependency, path) => ({
    ref: requiredString(dependency, 'ref', path),
    dependsOn: optionalStrings(dependency, 'dependsOn', path, MAX_SBOM_DEPENDENCIES),
  }));
}
