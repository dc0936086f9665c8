import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, truth } from '../../../test/fixtures';
import { parseSbom, reconcile } from './index';
import { CORRECT_SBOMS, reportFromGoVersion } from './test-support';
import type { ReconcileKind, Sbom, SbomComponent } from './types';

const sbomFile = (name: string) => new Uint8Array(readFileSync(join(fixturesDir, 'sbom', name)));
const sbom = (name: string) => parseSbom(sbomFile(name)) as Sbom;
const goversion = truth('linux-amd64.goversion.txt');
const report = reportFromGoVersion(goversion, 'linux-amd64');
/** linux-amd64 as if it also held golang.org/x/text v0.3.7, with that module's real go.sum hash. */
const reportWithXText = reportFromGoVersion(
  goversion.replace(
    '\tdep\t',
    '\tdep\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n\tdep\t',
  ),
);

const component = (fields: Partial<SbomComponent> & { name: string }): SbomComponent => ({
  bomRef: '',
  version: '',
  purl: '',
  type: 'library',
  hashes: [],
  licenses: [],
  properties: [],
  ancestors: [],
  ...fields,
});
const bom = (components: SbomComponent[]): Sbom => ({
  format: 'cyclonedx-json',
  specVersion: '1.6',
  metadata: { tools: [], component: component({ name: 'example.com/hello', type: 'application' }) },
  components,
  dependencies: [],
});
const STDLIB = component({ name: 'stdlib', purl: 'pkg:golang/stdlib@1.19.8' });
const GREETING = component({ name: 'example.com/greeting', purl: 'pkg:golang/example.com/greeting' });
/** The main module of linux-amd64 (go version -m: mod example.com/hello), listed as a component too. */
const HELLO = component({ name: 'example.com/hello', purl: 'pkg:golang/example.com/hello', type: 'application' });
/** What every CycloneDX SBOM here says of the main module: named in metadata.component only. */
const MAIN_IN_METADATA = { kind: 'main-only-in-metadata', module: 'example.com/hello', severity: 'warning' };
const errors = (items: { severity: string }[]) => items.filter((item) => item.severity === 'error');

describe('correct SBOMs reconcile clean', () => {
  it.each(CORRECT_SBOMS)('%s', (name) => {
    const result = reconcile(report, sbom(name));
    // SPDX lists the described package among its packages; CycloneDX keeps it in metadata.component.
    expect(result.items).toMatchObject(name.includes('spdx') ? [] : [MAIN_IN_METADATA]);
    expect(result.verdict).toBe('match');
    expect(result.otherProgram).toBeNull();
    expect(result.bySeverity.error).toBe(0);
    expect(result.counts).toMatchObject({ binaryModules: 3, sbomComponents: 2, matched: 3, ignored: 0 });
    expect(result.summary).toMatch(name.includes('spdx') ? /all 3 modules/ : /\(0 errors, 1 warning\)/);
  });
});

describe('each planted discrepancy is reported, alone', () => {
  it.each<[string, ReconcileKind, string, RegExp]>([
    [
      'discrepancy-missing-module.cdx.json',
      'missing-from-sbom',
      'example.com/greeting',
      /records example\.com\/greeting v0\.1\.0 => \.\.\/greeting/,
    ],
    [
      'discrepancy-extra-module.cdx.json',
      'not-in-binary',
      'golang.org/x/text',
      /lists golang\.org\/x\/text v0\.3\.7 .*no such module/,
    ],
    ['discrepancy-wrong-version.cdx.json', 'version-mismatch', 'stdlib', /standard library as 1\.19\.2 .* Go 1\.19\.8/],
    [
      'discrepancy-replacement.cdx.json',
      'replacement-not-reflected',
      'example.com/greeting',
      /replaces example\.com\/greeting v0\.1\.0 with \.\.\/greeting/,
    ],
  ])('%s', (name, kind, module, explanation) => {
    const result = reconcile(report, sbom(name));
    expect(result.verdict).toBe('mismatch');
    expect(result.items).toMatchObject([{ kind, module, severity: 'error' }, MAIN_IN_METADATA]);
    expect(result.items[0]?.explanation).toMatch(explanation);
    expect(result.counts.byKind[kind]).toBe(1);
    expect(result.bySeverity).toEqual({ error: 1, warning: 1 });
    expect(result.summary).toMatch(/^2 discrepancies \(1 error, 1 warning\)/);
  });

  it('discrepancy-wrong-hash.cdx.json', () => {
    const result = reconcile(reportWithXText, sbom('discrepancy-wrong-hash.cdx.json'));
    expect(errors(result.items)).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      kind: 'hash-mismatch',
      module: 'golang.org/x/text',
      severity: 'error',
      binary: { version: 'v0.3.7', sum: 'h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=' },
      sbom: { hash: 'a25a70bcfd8a69c5b5656bec47bb90868c9362f280ba97d0ad118114cdf9d868' },
    });
    // With the right hash the same document is clean.
    const fixed = sbom('discrepancy-wrong-hash.cdx.json');
    const xtext = fixed.components.find((c) => c.name === 'golang.org/x/text') as SbomComponent;
    xtext.hashes[0]!.content = Buffer.from('olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=', 'base64').toString('hex');
    expect(errors(reconcile(reportWithXText, fixed).items)).toEqual([]);
  });
});

describe('matching rules', () => {
  it('reports a module version mismatch, and a missing version', () => {
    const xtext = (version: string) =>
      component({ name: 'golang.org/x/text', purl: `pkg:golang/golang.org/x/text@${version}` });
    const items = reconcile(reportWithXText, bom([HELLO, GREETING, STDLIB, xtext('v0.3.6')])).items;
    expect(items).toMatchObject([
      { kind: 'version-mismatch', module: 'golang.org/x/text', binary: { version: 'v0.3.7' } },
    ]);
    expect(items[0]?.explanation).toBe('The SBOM gives golang.org/x/text as v0.3.6 but the binary holds v0.3.7.');
    const unversioned = component({ name: 'golang.org/x/text', purl: 'pkg:golang/golang.org/x/text' });
    expect(reconcile(reportWithXText, bom([HELLO, GREETING, STDLIB, unversioned])).items[0]?.explanation).toMatch(
      /as no version/,
    );
  });

  it('matches by name and group when there is no purl, ignores other ecosystems', () => {
    const byName = component({ group: 'example.com', name: 'greeting' });
    const deb = component({ name: 'libc6', version: '2.36', purl: 'pkg:deb/debian/libc6@2.36' });
    const file = component({ name: 'README', type: 'file' });
    const result = reconcile(
      report,
      bom([HELLO, byName, component({ name: 'go', version: 'go1.19.8', purl: 'pkg:golang/std@go1.19.8' }), deb, file]),
    );
    expect(result.items).toEqual([]);
    expect(result.counts.ignored).toBe(2);
  });

  it('a module replacement listed under its original path is not reflected; with a pedigree it is', () => {
    const replaced = reportFromGoVersion(
      'x: go1.19.8\n\tpath\tex.com/app\n\tmod\tex.com/app\t(devel)\t\n\tdep\tgithub.com/old/lib\tv1.0.0\th1:x\n' +
        '\t=>\tgithub.com/fork/lib\tv1.0.1\t\n',
    );
    const original = component({ name: 'github.com/old/lib', purl: 'pkg:golang/github.com/old/lib@v1.0.0' });
    const main = { ...bom([]).metadata, component: component({ name: 'ex.com/app', type: 'application' }) };
    const listing = (components: SbomComponent[]): Sbom => ({ ...bom([STDLIB, ...components]), metadata: main });
    expect(errors(reconcile(replaced, listing([original])).items)).toMatchObject([
      { kind: 'replacement-not-reflected', module: 'github.com/old/lib' },
    ]);
    const fork = component({
      name: 'github.com/fork/lib',
      version: 'v1.0.1',
      ancestors: ['pkg:golang/github.com/old/lib@v1.0.0'],
    });
    expect(errors(reconcile(replaced, listing([fork])).items)).toEqual([]);
  });
});

describe('the main module, the standard library, duplicates and no Go at all', () => {
  it('flags the standard library and the main module when absent', () => {
    // Warnings both: cyclonedx-gomod leaves the standard library out unless asked, and names the main module in
    // metadata.component only.
    const noStdlib = reconcile(report, bom([GREETING]));
    expect(noStdlib.items).toMatchObject([
      MAIN_IN_METADATA,
      { kind: 'missing-from-sbom', module: 'stdlib', severity: 'warning' },
    ]);
    expect(noStdlib.verdict).toBe('match');
    const other = {
      ...bom([GREETING, STDLIB]),
      metadata: { tools: [], component: component({ name: 'something-else' }) },
    };
    const noMain = reconcile(report, other);
    expect(noMain.items).toMatchObject([{ kind: 'missing-from-sbom', module: 'example.com/hello', severity: 'error' }]);
    expect(noMain.items[0]?.explanation).toMatch(/describes something-else instead/);
    expect(noMain.otherProgram).toEqual({ sbomDescribes: 'something-else', binaryIs: 'example.com/hello' });
    expect(noMain.verdict).toBe('mismatch');
    // With no metadata.component at all the main module is still missing, but nothing says which program it is.
    const undescribed = reconcile(report, { ...bom([GREETING, STDLIB]), metadata: { tools: [] } });
    expect(undescribed.items).toMatchObject([{ kind: 'missing-from-sbom', severity: 'error' }]);
    expect(undescribed.otherProgram).toBeNull();
    // A described container is not a Go module: it names no other program.
    const container = component({ name: 'registry.example/app', type: 'container' });
    const image = { ...bom([GREETING, STDLIB]), metadata: { tools: [], component: container } };
    expect(reconcile(report, image).otherProgram).toBeNull();
  });

  it('counts duplicates of a matched component once', () => {
    expect(reconcile(report, bom([HELLO, GREETING, GREETING, STDLIB])).items).toEqual([]);
  });

  it('with no Go information, everything the SBOM lists is unconfirmed', () => {
    const result = reconcile({ ...report, go: null }, sbom('hello.cdx-1.6.json'));
    expect(result.counts.binaryModules).toBe(0);
    expect(result.items.map((item) => item.kind)).toEqual(['not-in-binary', 'not-in-binary']);
  });
});

describe('a binary whose build info is gone', () => {
  it('is compared through the modules inferred from package paths, without versions', () => {
    const stripped = reportFromGoVersion(goversion);
    const go = stripped.go!;
    go.buildInfo = null;
    go.modules = [
      { path: 'main', version: '', sum: '', replace: null, origin: 'main', packages: ['main'], size: 1 },
      { path: 'std', version: 'go1.19.8', sum: '', replace: null, origin: 'std', packages: ['fmt'], size: 1 },
      { path: 'github.com/acme/log', version: '', sum: '', replace: null, origin: 'inferred', packages: [], size: 1 },
    ];
    const listed = component({ name: 'github.com/acme/log', purl: 'pkg:golang/github.com/acme/log@v1.0.0' });
    expect(reconcile(stripped, bom([STDLIB, listed])).items).toEqual([]);
    const missing = reconcile(stripped, bom([STDLIB])).items;
    expect(missing).toMatchObject([{ kind: 'missing-from-sbom', module: 'github.com/acme/log' }]);
    expect(missing[0]?.explanation).toMatch(
      /package paths show module github\.com\/acme\/log \(its build info is gone\)/,
    );
  });
});
