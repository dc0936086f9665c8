import type { Report } from '../report/types';
import type { GenerateOptions } from './generate';
import type { JsonObject } from './json-fields';
import { sbomContent, type ContentPackage, type SbomContent } from './sbom-content';

/**
 * SPDX 2.3 JSON of what the binary holds: the same content as the CycloneDX SBOM (sbom-content.ts). Each Go module
 * is a package with its purl and, when go.sum recorded one, its SHA-256; the binary itself is a file with its
 * SHA-256 that the main package GENERATES; the dependency tree is DEPENDS_ON relationships. SPDX 2.3 has no place
 * for vulnerabilities: those go in CycloneDX or SPDX 3 (or OpenVEX).
 */

/** SPDX ids allow letters, digits, "." and "-" after "SPDXRef-". */
function spdxIdPart(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** One unique SPDX id per package ref, readable: SPDXRef-Package-example.com-hello. */
function packageIds(content: SbomContent): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const pkg of [content.main, ...content.packages]) {
    const base = `SPDXRef-Package-${spdxIdPart(pkg.version ? `${pkg.name}-${pkg.version}` : pkg.name)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(pkg.ref, id);
  }
  return ids;
}

function packageOf(pkg: ContentPackage, id: string): JsonObject {
  return {
    SPDXID: id,
    name: pkg.name,
    ...(pkg.version ? { versionInfo: pkg.version } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: pkg.role === 'main' ? 'APPLICATION' : 'LIBRARY',
    ...(pkg.sha256 ? { checksums: [{ algorithm: 'SHA256', checksumValue: pkg.sha256 }] } : {}),
    ...(pkg.replaces ? { sourceInfo: `replaces ${pkg.replaces} (a go.mod replace directive)` } : {}),
    ...(pkg.purl
      ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }] }
      : {}),
  };
}

const FILE_ID = 'SPDXRef-File-binary';

function relationship(from: string, type: string, to: string): JsonObject {
  return { spdxElementId: from, relationshipType: type, relatedSpdxElement: to };
}

function relationshipsOf(content: SbomContent, ids: Map<string, string>, withFile: boolean): JsonObject[] {
  const mainId = ids.get(content.main.ref) as string;
  const out = [relationship('SPDXRef-DOCUMENT', 'DESCRIBES', mainId)];
  if (withFile) out.push(relationship(mainId, 'GENERATES', FILE_ID));
  for (const [from, targets] of content.edges) {
    const fromId = ids.get(from);
    for (const target of targets) {
      const toId = ids.get(target);
      if (fromId && toId) out.push(relationship(fromId, 'DEPENDS_ON', toId));
    }
  }
  return out;
}

/** The document as an object, for the tests and the JSON text below. */
export function spdxDocument(report: Report, options: GenerateOptions = {}): JsonObject {
  const content = sbomContent(report, options);
  const ids = packageIds(content);
  const withFile = content.file.sha256 !== '';
  const name = content.main.name;
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: `urn:uuid:${content.uuid}`,
    creationInfo: { created: content.created, creators: [`Tool: gobinscope-${content.toolVersion}`] },
    packages: [content.main, ...content.packages].map((pkg) => packageOf(pkg, ids.get(pkg.ref) as string)),
    ...(withFile
      ? {
          files: [
            {
              SPDXID: FILE_ID,
              fileName: `./${content.file.name}`,
              checksums: [{ algorithm: 'SHA256', checksumValue: content.file.sha256 }],
              fileTypes: ['BINARY'],
            },
          ],
        }
      : {}),
    relationships: relationshipsOf(content, ids, withFile),
  };
}

/** SPDX 2.3 JSON text. */
export function generateSpdx(report: Report, options: GenerateOptions = {}): string {
  return JSON.stringify(spdxDocument(report, options), null, 2) + '\n';
}
