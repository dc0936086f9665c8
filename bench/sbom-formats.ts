// SBOM scale in every format read: a 20,000-module binary's SBOM written as SPDX 2.3 JSON, SPDX 2.3 tag-value,
// SPDX 3.0.1 JSON-LD and CycloneDX 1.7 JSON, each read, validated against its schema (tag-value: the required
// fields) and reconciled; against `jq .` on the same file (tag-value: `wc -l`, it is not JSON), in the same run.
// Bundled and run by scripts/bench.mjs; not part of the product.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateCycloneDx,
  generateSpdx,
  generateSpdx3,
  parseSbom,
  reconcile,
  validateSbom,
} from '../src/core/sbom/index';
import { reportFromGoVersion } from '../src/core/sbom/test-support';
import { measure, measureCommand, type Figure } from './timing';

const COUNT = 20_000;
const runs = Number(process.argv[2] ?? 5);
const path = (i: number) => `github.com/org${i % 97}/module${i}`;
const h1 = (i: number) =>
  `h1:${Buffer.from((i.toString(16).padStart(8, '0') + '0'.repeat(56)).slice(0, 64), 'hex').toString('base64')}`;
const deps = Array.from({ length: COUNT }, (_, i) => `\tdep\t${path(i)}\tv1.${i}.0\t${h1(i)}`).join('\n');
const report = reportFromGoVersion(
  `big: go1.22.1\n\tpath\texample.com/big\n\tmod\texample.com/big\t(devel)\t\n${deps}\n`,
);
report.file.sha256 = 'ab'.repeat(32);

interface SpdxJson {
  name: string;
  documentNamespace: string;
  creationInfo: { created: string };
  packages: {
    SPDXID: string;
    name: string;
    versionInfo?: string;
    checksums?: { algorithm: string; checksumValue: string }[];
    externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  }[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
}

/** The SPDX 2.3 JSON document again in tag-value, line for line as the specification's example spells each tag. */
function tagValue(json: string): string {
  const doc = JSON.parse(json) as SpdxJson;
  const lines = [
    'SPDXVersion: SPDX-2.3',
    'DataLicense: CC0-1.0',
    'SPDXID: SPDXRef-DOCUMENT',
    `DocumentName: ${doc.name}`,
  ];
  lines.push(
    `DocumentNamespace: ${doc.documentNamespace}`,
    'Creator: Tool: bench',
    `Created: ${doc.creationInfo.created}`,
  );
  // The binary is a file only the JSON form lists; its GENERATES relationship goes with it.
  for (const r of doc.relationships.filter((r) => r.relationshipType !== 'GENERATES'))
    lines.push(`Relationship: ${r.spdxElementId} ${r.relationshipType} ${r.relatedSpdxElement}`);
  for (const p of doc.packages) {
    lines.push(
      `PackageName: ${p.name}`,
      `SPDXID: ${p.SPDXID}`,
      'PackageDownloadLocation: NOASSERTION',
      'FilesAnalyzed: false',
    );
    if (p.versionInfo) lines.push(`PackageVersion: ${p.versionInfo}`);
    for (const c of p.checksums ?? []) lines.push(`PackageChecksum: ${c.algorithm}: ${c.checksumValue}`);
    for (const e of p.externalRefs ?? [])
      lines.push(`ExternalRef: ${e.referenceCategory} ${e.referenceType} ${e.referenceLocator}`);
  }
  return lines.join('\n') + '\n';
}

const spdx = generateSpdx(report);
const documents: [string, string, string][] = [
  ['sbomSpdx', 'SPDX 2.3 JSON', spdx],
  ['sbomSpdxTag', 'SPDX 2.3 tag-value', tagValue(spdx)],
  ['sbomSpdx3', 'SPDX 3.0.1 JSON-LD', generateSpdx3(report)],
  ['sbomCdx17', 'CycloneDX 1.7 JSON', generateCycloneDx(report, 'json', { spec: '1.7' })],
];
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-sbom-formats-bench-'));
const figures: Record<string, Figure> = {};
for (const [key, label, text] of documents) {
  const bytes = new TextEncoder().encode(text);
  let summary = '';
  figures[key] = await measure(`SBOM ${COUNT} modules, ${label}: read + validate + reconcile`, runs, async () => {
    const sbom = parseSbom(bytes)!;
    const { valid } = await validateSbom(bytes, sbom);
    summary = `valid ${valid}, ${reconcile(report, sbom).verdict}`;
  });
  figures[key].note = `${(bytes.length / 1048576).toFixed(1)} MiB, ${summary}`;
  const file = join(dir, `${key}.txt`);
  writeFileSync(file, text);
  figures[`${key}Tool`] =
    key === 'sbomSpdxTag'
      ? measureCommand('wc -l on the tag-value file', runs, 'wc', ['-l', file])
      : measureCommand(`jq . on the ${label} file`, runs, 'jq', ['.', file]);
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ figures }) + '\n');
