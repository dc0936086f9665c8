/**
 * The official CycloneDX and SPDX schemas, embedded as text so the core stays free of `fs` and validates offline in the
 * worker, the CLI and a browser alike. Each is its own module, loaded on first use, so bundles that never
 * validate never carry them. schemas.test.ts keeps the CycloneDX ones byte-identical to the copies in
 * @cyclonedx/cyclonedx-library's res/schema, and the SPDX ones (no package ships them) to the SHA-256 of the files
 * the SPDX project publishes.
 */
type TextModule = Promise<{ default: string }>;

const LOADERS: Record<string, () => TextModule> = {
  'bom-1.2.SNAPSHOT.schema.json': () => import('./bom-1.2.SNAPSHOT.schema-json'),
  'bom-1.3.SNAPSHOT.schema.json': () => import('./bom-1.3.SNAPSHOT.schema-json'),
  'bom-1.4.SNAPSHOT.schema.json': () => import('./bom-1.4.SNAPSHOT.schema-json'),
  'bom-1.5.SNAPSHOT.schema.json': () => import('./bom-1.5.SNAPSHOT.schema-json'),
  'bom-1.6.SNAPSHOT.schema.json': () => import('./bom-1.6.SNAPSHOT.schema-json'),
  'bom-1.7.SNAPSHOT.schema.json': () => import('./bom-1.7.SNAPSHOT.schema-json'),
  'spdx.SNAPSHOT.schema.json': () => import('./spdx.SNAPSHOT.schema-json'),
  'jsf-0.82.SNAPSHOT.schema.json': () => import('./jsf-0.82.SNAPSHOT.schema-json'),
  'cryptography-defs.SNAPSHOT.schema.json': () => import('./cryptography-defs.SNAPSHOT.schema-json'),
  'bom-1.2.SNAPSHOT.xsd': () => import('./bom-1.2.SNAPSHOT-xsd'),
  'bom-1.3.SNAPSHOT.xsd': () => import('./bom-1.3.SNAPSHOT-xsd'),
  'bom-1.4.SNAPSHOT.xsd': () => import('./bom-1.4.SNAPSHOT-xsd'),
  'bom-1.5.SNAPSHOT.xsd': () => import('./bom-1.5.SNAPSHOT-xsd'),
  'bom-1.6.SNAPSHOT.xsd': () => import('./bom-1.6.SNAPSHOT-xsd'),
  'bom-1.7.SNAPSHOT.xsd': () => import('./bom-1.7.SNAPSHOT-xsd'),
  'spdx.SNAPSHOT.xsd': () => import('./spdx.SNAPSHOT-xsd'),
};

/** File names as the library ships them. */
export const SCHEMA_FILES: readonly string[] = Object.keys(LOADERS);

/** The SPDX JSON schema of each version this product validates, and the SHA-256 of the published file. */
export const SPDX_SCHEMAS: Readonly<Record<string, { load: () => TextModule; sha256: string; draft: string }>> = {
  '2.2': {
    load: () => import('./spdx-2.2.schema-json'),
    sha256: 'c8328d14c33621a6be917569ad4c323d370220412edbaddc37ccf1e93e3ca88a',
    draft: '07',
  },
  '2.3': {
    load: () => import('./spdx-2.3.schema-json'),
    sha256: 'c4d60cc5ac862c6fa957b4151893208d4d6e7ce7bb008405b9003c927355a985',
    draft: '2019-09',
  },
  '3.0.1': {
    load: () => import('./spdx-3.0.1.schema-json'),
    sha256: '59f59713c7d73ff0d833f4f468df974a689fc9dd36dc5510f1875ff85d276c54',
    draft: '2020-12',
  },
};

export async function loadSpdxSchemaText(version: string): Promise<string> {
  const schema = SPDX_SCHEMAS[version];
  if (!schema) throw new Error(`no embedded SPDX schema for ${version}`);
  return (await schema.load()).default;
}

/** Module file name (without .ts) for a schema file name: the trailing extension becomes "-json"/"-xsd". */
export function schemaModuleName(fileName: string): string {
  return fileName.replace(/\.(json|xsd)$/, '-$1');
}

export async function loadSchemaText(fileName: string): Promise<string> {
  const load = LOADERS[fileName];
  if (!load) throw new Error(`no embedded schema ${fileName}`);
  return (await load()).default;
}

/** The schema a CycloneDX JSON document of this spec version is checked against. */
export function cycloneDxJsonSchemaFile(specVersion: string): string {
  return `bom-${specVersion}.SNAPSHOT.schema.json`;
}

export function cycloneDxXsdFile(specVersion: string): string {
  return `bom-${specVersion}.SNAPSHOT.xsd`;
}

/** Schemas the bom schemas reference by URI, registered under those URIs the way the library's validator does. */
export const JSON_SUBSCHEMAS: Readonly<Record<string, string>> = {
  'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': 'spdx.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': 'cryptography-defs.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': 'jsf-0.82.SNAPSHOT.schema.json',
};
