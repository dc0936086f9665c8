import type { Report } from '../report/types';
import type { GenerateOptions } from './generate';
import type { JsonObject } from './json-fields';
import { sbomContent, type ContentPackage, type ContentVulnerability, type SbomContent } from './sbom-content';

/**
 * SPDX 3.0.1 JSON-LD of what the binary holds, the same content as the CycloneDX SBOM (sbom-content.ts): a
 * software_Package per Go module (purl, SHA-256 from go.sum), the binary as a software_File with its SHA-256 that
 * the main package "generates", "dependsOn" relationships for the dependency tree, and, when a vulnerability
 * database was used, the security profile: a security_Vulnerability per entry and a VEX assessment relationship
 * (affects / doesNotAffect) to the package it was assessed for.
 */

export const SPDX3_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
const CREATION_INFO = '_:creationinfo';

/** IRIs under the document's own URN, one per element kind and index: unique and stable for one content. */
function iri(content: SbomContent, kind: string, index: number | string): string {
  return `urn:uuid:${content.uuid}#${kind}-${index}`;
}

function element(type: string, spdxId: string, fields: JsonObject): JsonObject {
  return { type, spdxId, creationInfo: CREATION_INFO, ...fields };
}

function packageOf(pkg: ContentPackage, id: string): JsonObject {
  return element('software_Package', id, {
    name: pkg.name,
    ...(pkg.version ? { software_packageVersion: pkg.version } : {}),
    ...(pkg.purl ? { software_packageUrl: pkg.purl } : {}),
    software_primaryPurpose: pkg.role === 'main' ? 'application' : 'library',
    ...(pkg.sha256 ? { verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: pkg.sha256 }] } : {}),
    ...(pkg.replaces ? { software_sourceInfo: `replaces ${pkg.replaces} (a go.mod replace directive)` } : {}),
  });
}

function relationship(id: string, from: string, type: string, to: string[], extra: JsonObject = {}): JsonObject {
  return element('Relationship', id, { from, relationshipType: type, to, ...extra });
}

function dependencyRelationships(content: SbomContent, ids: Map<string, string>): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [from, targets] of content.edges) {
    const fromId = ids.get(from);
    const to = targets.map((target) => ids.get(target)).filter((id): id is string => id !== undefined);
    // A relationship needs at least one "to"; a module that depends on nothing simply has none.
    if (fromId && to.length > 0) out.push(relationship(iri(content, 'dependsOn', out.length), fromId, 'dependsOn', to));
  }
  return out;
}

function identifierType(id: string): string {
  return id.startsWith('CVE-') ? 'cve' : 'securityOther';
}

function vulnerabilityElements(
  content: SbomContent,
  vulnerability: ContentVulnerability,
  index: number,
  ids: Map<string, string>,
): JsonObject[] {
  const vulnId = iri(content, 'vulnerability', index);
  const identifiers = [vulnerability.id, ...vulnerability.aliases].map((id) => ({
    type: 'ExternalIdentifier',
    externalIdentifierType: identifierType(id),
    identifier: id,
  }));
  const out: JsonObject[] = [
    element('security_Vulnerability', vulnId, {
      name: vulnerability.id,
      ...(vulnerability.description ? { description: vulnerability.description } : {}),
      externalIdentifier: identifiers,
    }),
  ];
  const to = vulnerability.affects.map((ref) => ids.get(ref)).filter((id): id is string => id !== undefined);
  if (to.length === 0) return out;
  const assessmentId = iri(content, 'assessment', index);
  out.push(
    vulnerability.affected
      ? element('security_VexAffectedVulnAssessmentRelationship', assessmentId, {
          from: vulnId,
          relationshipType: 'affects',
          to,
          security_actionStatement: vulnerability.recommendation || vulnerability.detail || 'No fix is known.',
          security_statusNotes: vulnerability.detail,
        })
      : element('security_VexNotAffectedVulnAssessmentRelationship', assessmentId, {
          from: vulnId,
          relationshipType: 'doesNotAffect',
          to,
          security_justificationType: 'vulnerableCodeNotPresent',
          security_impactStatement: vulnerability.detail,
        }),
  );
  return out;
}

function creationElements(content: SbomContent): JsonObject[] {
  const agent = iri(content, 'agent', 'gobinscope');
  const tool = iri(content, 'tool', 'gobinscope');
  return [
    {
      type: 'CreationInfo',
      '@id': CREATION_INFO,
      specVersion: '3.0.1',
      created: content.created,
      createdBy: [agent],
      createdUsing: [tool],
    },
    element('SoftwareAgent', agent, { name: 'gobinscope' }),
    element('Tool', tool, { name: `gobinscope ${content.toolVersion}` }),
  ];
}

/** The document as an object, for the tests and the JSON text below. */
export function spdx3Document(report: Report, options: GenerateOptions = {}): JsonObject {
  const content = sbomContent(report, options);
  const all = [content.main, ...content.packages];
  const ids = new Map(all.map((pkg, i) => [pkg.ref, iri(content, 'package', i)]));
  const mainId = ids.get(content.main.ref) as string;
  const packages = all.map((pkg) => packageOf(pkg, ids.get(pkg.ref) as string));
  const file = content.file.sha256
    ? [
        element('software_File', iri(content, 'file', 0), {
          name: content.file.name,
          software_primaryPurpose: 'executable',
          verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: content.file.sha256 }],
        }),
        relationship(iri(content, 'generates', 0), mainId, 'generates', [iri(content, 'file', 0)]),
      ]
    : [];
  const vulnerabilities = content.vulnerabilities.flatMap((vulnerability, i) =>
    vulnerabilityElements(content, vulnerability, i, ids),
  );
  const contents = [...packages, ...file, ...dependencyRelationships(content, ids), ...vulnerabilities];
  const sbomId = iri(content, 'sbom', 0);
  const elementIds = contents.map((entry) => entry.spdxId as string);
  const sbom = element('software_Sbom', sbomId, {
    rootElement: [mainId],
    element: elementIds,
    software_sbomType: ['analyzed'],
  });
  const profiles = ['core', 'software', ...(vulnerabilities.length > 0 ? ['security'] : [])];
  const document = element('SpdxDocument', iri(content, 'document', 0), {
    name: content.main.name,
    rootElement: [sbomId],
    element: [sbomId, ...elementIds],
    profileConformance: profiles,
  });
  return { '@context': SPDX3_CONTEXT, '@graph': [...creationElements(content), document, sbom, ...contents] };
}

/** SPDX 3.0.1 JSON-LD text. */
export function generateSpdx3(report: Report, options: GenerateOptions = {}): string {
  return JSON.stringify(spdx3Document(report, options), null, 2) + '\n';
}
