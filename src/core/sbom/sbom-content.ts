import { Enums, type Models } from '@cyclonedx/cyclonedx-library';
import type { Report } from '../report/types';
import { buildBom, PROPERTY, type GenerateOptions } from './generate';

/**
 * What an SBOM of a binary says, taken from the CycloneDX model buildBom makes, in plain data the SPDX writers
 * render. One source for every format: the same components, hashes, dependency edges and vulnerabilities, whether
 * the document is CycloneDX, SPDX 2.3 or SPDX 3.
 */

export interface ContentPackage {
  /** The CycloneDX bom-ref: unique in the document, the key edges and vulnerabilities use. */
  ref: string;
  name: string;
  version: string;
  purl: string;
  /** SHA-256 of the module's content (from its go.sum h1: line), lower-case hex; "" when none is recorded. */
  sha256: string;
  role: 'main' | 'library';
  /** "example.com/greeting@v0.1.0" when this module replaces another. */
  replaces: string;
}

export interface ContentVulnerability {
  id: string;
  aliases: string[];
  description: string;
  /** The package refs it was assessed for. */
  affects: string[];
  /** Code in the binary (affected), or not (not affected, the vulnerable code is not present). */
  affected: boolean;
  detail: string;
  recommendation: string;
}

export interface SbomContent {
  /** A UUID, unique per document (the CycloneDX serial number's). */
  uuid: string;
  /** ISO 8601 to the second, as SPDX wants it ("2024-05-01T12:00:00Z"). */
  created: string;
  toolVersion: string;
  file: { name: string; sha256: string };
  main: ContentPackage;
  packages: ContentPackage[];
  /** ref → refs it depends on; every package has an entry, possibly empty. */
  edges: Map<string, string[]>;
  vulnerabilities: ContentVulnerability[];
}

function property(component: Models.Component, name: string): string {
  for (const entry of component.properties) if (entry.name === name) return entry.value;
  return '';
}

function packageOf(component: Models.Component, role: ContentPackage['role']): ContentPackage {
  return {
    ref: component.bomRef.value ?? component.name,
    name: component.name,
    version: component.version ?? '',
    purl: component.purl ? String(component.purl) : '',
    sha256: component.hashes.get(Enums.HashAlgorithm['SHA-256']) ?? '',
    role,
    replaces: property(component, PROPERTY.replaces),
  };
}

function vulnerabilityOf(vulnerability: Models.Vulnerability.Vulnerability): ContentVulnerability {
  const affected = vulnerability.analysis?.state !== Enums.Vulnerability.AnalysisState.NotAffected;
  return {
    id: vulnerability.id ?? '',
    aliases: [...vulnerability.references].map((reference) => reference.id),
    description: vulnerability.description ?? '',
    affects: [...vulnerability.affects].map((affect) => String(affect.ref.toString())),
    affected,
    detail: vulnerability.analysis?.detail ?? '',
    recommendation: vulnerability.recommendation ?? '',
  };
}

/** Seconds precision: SPDX 2.3 and 3 both require "YYYY-MM-DDThh:mm:ssZ". */
function secondsIso(date: Date | undefined): string {
  return (date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function sbomContent(report: Report, options: GenerateOptions): SbomContent {
  const bom = buildBom(report, options);
  const mainComponent = bom.metadata.component;
  if (!mainComponent) throw new Error('buildBom always sets metadata.component');
  const main = packageOf(mainComponent, 'main');
  const components = [...bom.components];
  const packages = components.map((component) => packageOf(component, 'library'));
  const edges = new Map<string, string[]>();
  for (const component of [mainComponent, ...components]) {
    const targets = [...component.dependencies].map((ref) => ref.value ?? '').filter(Boolean);
    edges.set(component.bomRef.value ?? component.name, targets.sort());
  }
  return {
    uuid: (bom.serialNumber ?? '').replace(/^urn:uuid:/, ''),
    created: secondsIso(bom.metadata.timestamp),
    toolVersion: options.toolVersion ?? report.tool.version,
    file: { name: report.file.name, sha256: report.file.sha256 },
    main,
    packages: packages.sort((a, b) => a.ref.localeCompare(b.ref)),
    edges,
    vulnerabilities: [...bom.vulnerabilities].map(vulnerabilityOf),
  };
}
