import type { ReportOrigin } from '../report/types';

type Json = Record<string, unknown>;

/** What the combined document is about: an image (a container) or a folder of binaries. */
export interface BomSubject {
  name: string;
  type: 'container' | 'file';
  /** Layer digests of an image, bottom first; empty for a folder. */
  layers: string[];
}

/** One binary's own CycloneDX JSON document (from generateCycloneDx) and where the binary was found. */
export interface BinaryBom {
  origin: ReportOrigin;
  bom: Json;
}

/** The document-level fields the combined document takes from the first binary's: format, version, tools. */
const HEADER_KEYS = ['$schema', 'bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata'];

const REF_KEYS = new Set(['bom-ref', 'ref']);

/**
 * Every reference inside one binary's document, prefixed with that binary's key: the same module linked into two
 * binaries is two components of the image (each binary carries its own version), and CycloneDX wants each
 * bom-ref once in a document.
 */
function prefixRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((item) => prefixRefs(item, prefix));
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value as Json)) {
    if (REF_KEYS.has(key) && typeof item === 'string') out[key] = `${prefix}${item}`;
    else if (key === 'dependsOn' && Array.isArray(item))
      out[key] = item.map((ref) => (typeof ref === 'string' ? `${prefix}${ref}` : ref));
    else out[key] = prefixRefs(item, prefix);
  }
  return out;
}

function originProperties(origin: ReportOrigin): { name: string; value: string }[] {
  const properties = [{ name: 'gobinscope:image:path', value: origin.path }];
  if (origin.image) properties.push({ name: 'gobinscope:image:name', value: origin.image });
  if (origin.layer) properties.push({ name: 'gobinscope:image:layer', value: origin.layer });
  return properties;
}

/** One binary as a component of the image: its own root component, with its modules nested inside it. */
function binaryPart(part: BinaryBom, index: number) {
  const prefix = `${index + 1}:${part.origin.path}|`;
  const bom = prefixRefs(part.bom, prefix) as Json;
  const metadata = (bom.metadata ?? {}) as Json;
  const root = { ...((metadata.component ?? {}) as Json) };
  const rootRef = (root['bom-ref'] as string | undefined) ?? `${prefix}binary`;
  root['bom-ref'] = rootRef;
  root.properties = [...((root.properties as unknown[] | undefined) ?? []), ...originProperties(part.origin)];
  const modules = (bom.components as unknown[] | undefined) ?? [];
  if (modules.length > 0) root.components = modules;
  return {
    component: root,
    rootRef,
    dependencies: (bom.dependencies as unknown[] | undefined) ?? [],
    vulnerabilities: (bom.vulnerabilities as unknown[] | undefined) ?? [],
  };
}

/**
 * One CycloneDX document for an image or a folder: the image is the subject (metadata.component), each Go binary
 * a component under it with its path and layer as properties and its modules nested inside, the binaries'
 * dependency graphs and vulnerabilities kept whole with their references made unique.
 */
export function combineBoms(subject: BomSubject, parts: BinaryBom[]): Json {
  const template = Object.fromEntries(Object.entries(parts[0]?.bom ?? {}).filter(([key]) => HEADER_KEYS.includes(key)));
  const pieces = parts.map(binaryPart);
  const subjectRef = `${subject.type}:${subject.name}`;
  const properties = subject.layers.map((digest, i) => ({ name: `gobinscope:image:layer:${i + 1}`, value: digest }));
  const component: Json = { type: subject.type, name: subject.name, 'bom-ref': subjectRef };
  if (properties.length > 0) component.properties = properties;
  const metadata = { ...((template.metadata ?? {}) as Json), component };
  const document: Json = {
    ...template,
    metadata,
    components: pieces.map((p) => p.component),
    dependencies: [
      { ref: subjectRef, dependsOn: pieces.map((p) => p.rootRef) },
      ...pieces.flatMap((p) => p.dependencies),
    ],
  };
  const vulnerabilities = pieces.flatMap((p) => p.vulnerabilities);
  if (vulnerabilities.length > 0) document.vulnerabilities = vulnerabilities;
  return document;
}
