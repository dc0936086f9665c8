import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import type { GoBuildInfo, GoModule, Report } from '../report/types';
import { STD_MODULE, UNKNOWN_MAIN_MODULE } from '../go/modules';
import { goPurl, h1ToSha256Hex, isLocalPath } from './go-identity';
import { Redactor, maskUnits, settingSecrets } from '../redact/index';
import { addDependencies } from './graph-dependencies';
import { addVulnerabilities } from './vulnerabilities';

export interface GenerateOptions {
  /** ISO 8601; defaults to now. */
  timestamp?: string;
  /** Version recorded for gobinscope in metadata.tools; defaults to report.tool.version. */
  toolVersion?: string;
  /** "urn:uuid:…"; defaults to a random one. Tests pass a fixed one for byte-stable output. */
  serialNumber?: string;
  /** Clear secret-looking build settings in the properties; off: they are masked even if the report was not. */
  revealSecrets?: boolean;
  /** CycloneDX specification version written: "1.6" (the default) or "1.7". */
  spec?: CycloneDxSpec;
}

export type CycloneDxSpec = '1.6' | '1.7';
export const CYCLONEDX_SPECS: readonly CycloneDxSpec[] = ['1.6', '1.7'];

/** Property names, namespaced so they never collide with another tool's (CycloneDX property taxonomy style). */
export const PROPERTY = {
  goVersion: 'gobinscope:go:version',
  mainPackage: 'gobinscope:go:main-package',
  sum: 'gobinscope:go:sum',
  replaces: 'gobinscope:go:replaces',
  replacementDir: 'gobinscope:go:replacement-dir',
  fileName: 'gobinscope:file:name',
  fileSha256: 'gobinscope:file:sha256',
  buildPrefix: 'gobinscope:build:',
  mainVersionSource: 'gobinscope:go:main-version-source',
} as const;

function withoutDevel(version: string): string {
  return version === '(devel)' ? '' : version;
}

function addSha256(component: Models.Component, sum: string): void {
  const hex = h1ToSha256Hex(sum);
  if (hex) component.hashes.set(Enums.HashAlgorithm['SHA-256'], hex);
}

function addProperty(component: Models.Component, name: string, value: string): void {
  if (value) component.properties.add(new Models.Property(name, value));
}

function mainComponent(report: Report, buildInfo: GoBuildInfo | null, revealSecrets = false): Models.Component {
  const path = buildInfo?.main?.path || buildInfo?.path || report.file.name;
  // "(devel)" builds carry their release's version elsewhere (-X, VCS stamps); the property says which.
  const version = withoutDevel(buildInfo?.main?.resolvedVersion ?? buildInfo?.main?.version ?? '');
  const purl = buildInfo ? goPurl(path, version) : '';
  const component = new Models.Component(Enums.ComponentType.Application, path, {
    bomRef: purl || 'main',
    purl: purl || undefined,
    version: version || undefined,
  });
  addSha256(component, buildInfo?.main?.sum ?? '');
  addProperty(component, PROPERTY.goVersion, report.go?.version ?? '');
  addProperty(component, PROPERTY.mainVersionSource, buildInfo?.main?.versionSource ?? '');
  if (buildInfo && buildInfo.path !== path) addProperty(component, PROPERTY.mainPackage, buildInfo.path);
  addProperty(component, PROPERTY.fileName, report.file.name);
  addProperty(component, PROPERTY.fileSha256, report.file.sha256);
  const settings = buildInfo?.settings ?? [];
  // Build settings become properties: an -X token must stay masked here too, whoever made the report.
  const redactor = revealSecrets ? Redactor.none : Redactor.of(maskUnits(settingSecrets(settings)));
  for (const setting of settings) {
    component.properties.add(new Models.Property(PROPERTY.buildPrefix + setting.key, redactor.text(setting.value)));
  }
  return component;
}

/**
 * The module whose code is in the binary: a replacement's path and version win. A directory replacement has no
 * module path of its own, so it keeps the original path without a version (what Go itself reports: "(devel)").
 */
function dependencyComponent(module: GoModule): Models.Component {
  const replacement = module.replace;
  const local = replacement !== null && isLocalPath(replacement.path);
  const path = replacement && !local ? replacement.path : module.path;
  const version = withoutDevel(replacement ? replacement.version : module.version);
  const sum = replacement ? replacement.sum : module.sum;
  const purl = goPurl(path, version);
  const component = new Models.Component(Enums.ComponentType.Library, path, {
    // The serializer makes bom-refs unique should two modules ever share one.
    bomRef: purl || `module:${path}@${version}`,
    purl: purl || undefined,
    version: version || undefined,
  });
  addSha256(component, sum);
  addProperty(component, PROPERTY.sum, sum);
  if (replacement) addProperty(component, PROPERTY.replaces, `${module.path}@${module.version}`);
  if (replacement && local) addProperty(component, PROPERTY.replacementDir, replacement.path);
  return component;
}

function stdlibComponent(goVersion: string | null | undefined): Models.Component | null {
  const match = /^go(\d+(?:\.\d+)*\S*)/.exec(goVersion ?? '');
  if (!match) return null;
  const version = match[1] as string;
  const purl = goPurl('stdlib', version);
  return new Models.Component(Enums.ComponentType.Library, 'stdlib', { bomRef: purl, purl, version });
}

/** The SBOM as the CycloneDX library's model; the SPDX writers render the same model, so every format says the same. */
export function buildBom(report: Report, options: GenerateOptions): Models.Bom {
  const timestamp = new Date(options.timestamp ?? Date.now());
  if (Number.isNaN(timestamp.getTime())) throw new RangeError(`invalid timestamp ${options.timestamp}`);
  const bom = new Models.Bom({ serialNumber: options.serialNumber ?? `urn:uuid:${globalThis.crypto.randomUUID()}` });
  bom.metadata.timestamp = timestamp;
  const tool = new Models.Component(Enums.ComponentType.Application, 'gobinscope', {
    version: options.toolVersion ?? report.tool.version,
  });
  bom.metadata.tools.components.add(tool);
  const buildInfo = report.go?.buildInfo ?? null;
  const main = mainComponent(report, buildInfo, options.revealSecrets);
  bom.metadata.component = main;
  const stdlib = stdlibComponent(report.go?.version);
  const byModule = new Map((buildInfo?.deps ?? []).map((dep) => [dep.path, dependencyComponent(dep)]));
  if (stdlib) byModule.set(STD_MODULE, stdlib);
  for (const component of byModule.values()) bom.components.add(component);
  // Go build info records no module graph; the code's module edges give one when they were read.
  addDependencies(main, byModule, buildInfo?.main?.path ?? UNKNOWN_MAIN_MODULE, report.go?.graph);
  addVulnerabilities(bom, report, new Map([...byModule, [buildInfo?.main?.path ?? '', main]]));
  return bom;
}

/** A CycloneDX SBOM (1.6, or 1.7 on request) of what the binary holds, as the build info records it. */
export function generateCycloneDx(report: Report, format: 'json' | 'xml', options: GenerateOptions = {}): string {
  const bom = buildBom(report, options);
  const serializeOptions = { sortLists: true, space: 2 };
  const spec = options.spec === '1.7' ? Spec.Spec1dot7 : Spec.Spec1dot6;
  if (format === 'json') {
    const factory = new Serialize.JSON.Normalize.Factory(spec);
    return new Serialize.JsonSerializer(factory).serialize(bom, serializeOptions);
  }
  const factory = new Serialize.XML.Normalize.Factory(spec);
  return new Serialize.XmlSerializer(factory).serialize(bom, serializeOptions);
}
