import { describe, expect, it } from 'vitest';
import { truth } from '../../../test/fixtures';
import { withMainVersion } from '../go/main-version';
import { listedPackages, multimodGraph, MULTIMOD } from '../graph/testing/multimod';
import type { Report } from '../report/types';
import { generateCycloneDx, generateSpdx, generateSpdx3, parseSbom, reconcile, validateSbom } from './index';
import { reportFromGoVersion } from './test-support';
import type { Sbom } from './types';

/**
 * The SPDX 2.3 and SPDX 3.0.1 writers, checked like the CycloneDX one: every output validates against its official
 * schema, and names what `go version -m` (test/fixtures/truth) records: the main module, each dependency and the
 * standard library by purl, go.sum hashes as SHA-256, the binary's own hash, and the same dependency tree.
 */
const OPTIONS = {
  timestamp: '2024-05-01T12:00:00Z',
  toolVersion: '9.8.7',
  serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000003',
};
const XTEXT_SUM = 'h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=';
const withXText = (text: string) => text.replace('\tdep\t', `\tdep\tgolang.org/x/text\tv0.3.7\t${XTEXT_SUM}\n\tdep\t`);
/** A made-up file hash: the report's, as the analysis of a file would record it. */
const FILE_SHA256 = '5f'.repeat(32);
const bytes = (text: string) => new TextEncoder().encode(text);

const WRITERS = {
  'spdx-json': (report: Report) => generateSpdx(report, OPTIONS),
  'spdx3-json': (report: Report) => generateSpdx3(report, OPTIONS),
  'cyclonedx-json 1.7': (report: Report) => generateCycloneDx(report, 'json', { ...OPTIONS, spec: '1.7' }),
  'cyclonedx-xml 1.7': (report: Report) => generateCycloneDx(report, 'xml', { ...OPTIONS, spec: '1.7' }),
};
type Writer = keyof typeof WRITERS;

function reportOf(goversion: string): Report {
  const report = reportFromGoVersion(goversion, 'linux-amd64');
  report.file.sha256 = FILE_SHA256;
  return report;
}

function written(writer: Writer, report: Report) {
  const text = WRITERS[writer](report);
  return { text, sbom: parseSbom(bytes(text)) as Sbom };
}

describe.each(Object.keys(WRITERS) as Writer[])('%s', (writer) => {
  it('validates clean against its official schema', async () => {
    for (const name of ['linux-amd64', 'leaky-linux-amd64', 'linux-amd64-cgo']) {
      const { text, sbom } = written(writer, reportOf(withXText(truth(`${name}.goversion.txt`))));
      expect(await validateSbom(bytes(text), sbom), name).toEqual({ valid: true, errors: [] });
    }
  });

  it('names the main module, each dependency and the standard library, and reconciles clean', () => {
    const report = reportOf(withXText(truth('linux-amd64.goversion.txt')));
    const { sbom } = written(writer, report);
    expect(sbom.specVersion).toMatch(/^(2\.3|3\.0\.1|1\.7)$/);
    expect(sbom.metadata.component).toMatchObject({ name: 'example.com/hello', purl: 'pkg:golang/example.com/hello' });
    expect(sbom.components.map((component) => component.purl).sort()).toEqual([
      'pkg:golang/example.com/greeting',
      'pkg:golang/golang.org/x/text@v0.3.7',
      'pkg:golang/stdlib@1.19.8',
    ]);
    const xtext = sbom.components.find((component) => component.name === 'golang.org/x/text');
    expect(xtext?.hashes).toEqual([
      { alg: 'SHA-256', content: Buffer.from(XTEXT_SUM.slice(3), 'base64').toString('hex') },
    ]);
    expect(reconcile(report, sbom).verdict).toBe('match');
  });

  it('names the application by the version the binary reveals (vcs stamp, go version -m)', () => {
    const report = reportOf(truth('leaky-linux-amd64.goversion.txt'));
    report.go!.buildInfo = withMainVersion(report.go!.buildInfo);
    const { sbom } = written(writer, report);
    expect(sbom.metadata.component?.version).toBe('v0.0.0-20260102030405-925d9cb6b5cd');
  });
});

describe('the binary itself, with its SHA-256', () => {
  it('SPDX 2.3: a file the main package GENERATES', () => {
    const doc = JSON.parse(generateSpdx(reportOf(truth('linux-amd64.goversion.txt')), OPTIONS));
    expect(doc.files).toEqual([
      expect.objectContaining({
        fileName: './linux-amd64',
        checksums: [{ algorithm: 'SHA256', checksumValue: FILE_SHA256 }],
      }),
    ]);
    expect(doc.relationships).toContainEqual({
      spdxElementId: doc.packages[0].SPDXID,
      relationshipType: 'GENERATES',
      relatedSpdxElement: doc.files[0].SPDXID,
    });
  });

  it('SPDX 3: a software_File the main package generates', () => {
    const doc = JSON.parse(generateSpdx3(reportOf(truth('linux-amd64.goversion.txt')), OPTIONS));
    const file = doc['@graph'].find((element: { type: string }) => element.type === 'software_File');
    expect(file).toMatchObject({
      name: 'linux-amd64',
      verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: FILE_SHA256 }],
    });
    const generates = doc['@graph'].find(
      (element: { relationshipType?: string }) => element.relationshipType === 'generates',
    );
    expect(generates.to).toEqual([file.spdxId]);
  });
});

/** Edges as purl -> purls, whatever ids the format uses. */
function purlEdges(sbom: Sbom): string[] {
  const purlOf = new Map([sbom.metadata.component!, ...sbom.components].map((c) => [c.bomRef, c.purl]));
  return sbom.dependencies
    .flatMap(({ ref, dependsOn }) => dependsOn.map((to) => `${purlOf.get(ref)} -> ${purlOf.get(to)}`))
    .filter((edge) => !edge.includes('undefined'))
    .sort();
}

describe('the dependency tree of go/multimod, read from its code (go list -deps -json is the truth)', () => {
  const report = reportFromGoVersion(truth(`${MULTIMOD}.goversion.txt`), MULTIMOD);
  report.go!.graph = multimodGraph().graph;
  const cyclonedx = parseSbom(bytes(generateCycloneDx(report, 'json', OPTIONS))) as Sbom;

  it.each(['spdx-json', 'spdx3-json'] as const)(
    '%s: DEPENDS_ON / dependsOn say what CycloneDX dependencies say',
    (writer) => {
      const { sbom } = written(writer, report);
      expect(purlEdges(sbom)).toEqual(purlEdges(cyclonedx));
      expect(purlEdges(sbom).length).toBeGreaterThan(1);
    },
  );

  it('each module edge go list shows is there', () => {
    const { sbom } = written('spdx3-json', report);
    const edges = purlEdges(sbom).map((edge) => edge.replace(/pkg:golang\/|@[^ ]*/g, ''));
    for (const pkg of listedPackages().filter(
      (p) => !p.Standard && p.Module!.Path !== report.go!.buildInfo!.main!.path,
    )) {
      for (const imported of pkg.Imports ?? []) {
        const to = listedPackages().find((p) => p.ImportPath === imported)!;
        if (to.Standard || to.Module!.Path === pkg.Module!.Path) continue;
        expect(edges).toContain(`${pkg.Module!.Path} -> ${to.Module!.Path}`);
      }
    }
  });
});
