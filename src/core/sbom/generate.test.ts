import { describe, expect, it } from 'vitest';
import { truth } from '../../../test/fixtures';
import { generateCycloneDx, parseSbom, reconcile, validateSbom } from './index';
import { withMainVersion } from '../go/main-version';
import { reportFromGoVersion } from './test-support';
import type { Sbom } from './types';

const OPTIONS = {
  timestamp: '2024-05-01T12:00:00Z',
  toolVersion: '9.8.7',
  serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000001',
};
/** A go.sum-recorded dependency, so hashes have something to carry (the fixtures' only dep is a directory). */
const XTEXT_SUM = 'h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=';
const withXText = (text: string) => text.replace('\tdep\t', `\tdep\tgolang.org/x/text\tv0.3.7\t${XTEXT_SUM}\n\tdep\t`);

const bytes = (text: string) => new TextEncoder().encode(text);

function generated(goversion: string, format: 'json' | 'xml') {
  const report = reportFromGoVersion(goversion, 'linux-amd64');
  const text = generateCycloneDx(report, format, OPTIONS);
  return { report, text, sbom: parseSbom(bytes(text)) as Sbom };
}

describe.each(['json', 'xml'] as const)('generateCycloneDx %s', (format) => {
  it('validates clean against the official 1.6 schema', async () => {
    for (const name of ['linux-amd64', 'leaky-linux-amd64', 'linux-amd64-cgo']) {
      const { text, sbom } = generated(truth(`${name}.goversion.txt`), format);
      expect(sbom.specVersion).toBe('1.6');
      expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
    }
    const { text, sbom } = generated(withXText(truth('linux-amd64.goversion.txt')), format);
    expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
  });

  it('names the main module, each dependency and the standard library by purl', () => {
    const { sbom } = generated(withXText(truth('linux-amd64.goversion.txt')), format);
    expect(sbom.metadata.component).toMatchObject({ type: 'application', purl: 'pkg:golang/example.com/hello' });
    expect(sbom.components.map((component) => component.purl).sort()).toEqual([
      'pkg:golang/example.com/greeting',
      'pkg:golang/golang.org/x/text@v0.3.7',
      'pkg:golang/stdlib@1.19.8',
    ]);
    const main = sbom.metadata.component?.bomRef ?? '';
    const edges = sbom.dependencies.find((dependency) => dependency.ref === main)?.dependsOn ?? [];
    expect(edges.sort()).toEqual(sbom.components.map((component) => component.bomRef).sort());
  });
});

describe.each(['json', 'xml'] as const)('generateCycloneDx %s content', (format) => {
  it('carries the h1: sum as SHA-256, the replacement, build settings and the tool', () => {
    const { sbom } = generated(withXText(truth('linux-amd64.goversion.txt')), format);
    const xtext = sbom.components.find((component) => component.name === 'golang.org/x/text');
    expect(xtext?.hashes).toEqual([
      { alg: 'SHA-256', content: Buffer.from(XTEXT_SUM.slice(3), 'base64').toString('hex') },
    ]);
    const greeting = sbom.components.find((component) => component.name === 'example.com/greeting');
    expect(greeting?.version).toBe('');
    expect(greeting?.properties).toEqual(
      expect.arrayContaining([
        { name: 'gobinscope:go:replaces', value: 'example.com/greeting@v0.1.0' },
        { name: 'gobinscope:go:replacement-dir', value: '../greeting' },
      ]),
    );
    expect(sbom.metadata.component?.properties).toEqual(
      expect.arrayContaining([
        { name: 'gobinscope:build:GOOS', value: 'linux' },
        { name: 'gobinscope:build:GOAMD64', value: 'v1' },
        { name: 'gobinscope:go:version', value: 'go1.19.8' },
      ]),
    );
    expect(sbom.metadata.tools).toEqual(['gobinscope 9.8.7']);
    expect(sbom.metadata.timestamp).toMatch(/^2024-05-01T12:00:00/);
  });

  it('is byte-stable with fixed options and reconciles clean with its own binary', () => {
    const first = generated(withXText(truth('linux-amd64.goversion.txt')), format);
    const second = generated(withXText(truth('linux-amd64.goversion.txt')), format);
    expect(second.text).toBe(first.text);
    expect(first.text).toContain('urn:uuid:00000000-0000-4000-8000-000000000001');
    const result = reconcile(first.report, first.sbom);
    // The generator names the main module in metadata.component only: a warning, never an error.
    expect(result.items.map((item) => `${item.severity} ${item.kind}`)).toEqual(['warning main-only-in-metadata']);
    expect(result.verdict).toBe('match');
  });
});

describe('generateCycloneDx edge cases', () => {
  it('keeps quoted build settings whole and a module replacement as the component', async () => {
    const goversion =
      'app: go1.22.1\n\tpath\texample.com/app/cmd/app\n\tmod\texample.com/app\tv1.2.3\t\n' +
      '\tdep\tgithub.com/Old/lib\tv1.0.0\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n' +
      '\t=>\tgithub.com/fork/lib\tv1.0.1\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n' +
      '\tbuild\t-ldflags="-s -w"\n';
    const { text, sbom, report } = generated(goversion, 'json');
    expect(sbom.metadata.component).toMatchObject({ version: 'v1.2.3', purl: 'pkg:golang/example.com/app@v1.2.3' });
    expect(sbom.metadata.component?.properties).toContainEqual({ name: 'gobinscope:build:-ldflags', value: '-s -w' });
    expect(sbom.metadata.component?.properties).toContainEqual({
      name: 'gobinscope:go:main-package',
      value: 'example.com/app/cmd/app',
    });
    expect(sbom.components[0]).toMatchObject({
      name: 'github.com/fork/lib',
      purl: 'pkg:golang/github.com/fork/lib@v1.0.1',
    });
    expect(sbom.components[0]?.properties).toContainEqual({
      name: 'gobinscope:go:replaces',
      value: 'github.com/Old/lib@v1.0.0',
    });
    expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
    expect(reconcile(report, sbom).verdict).toBe('match');
  });

  it('describes a binary without Go build info by its file name', () => {
    const report = { ...reportFromGoVersion('tool.exe: go1.22.1\n', 'tool.exe'), go: null };
    const sbom = parseSbom(bytes(generateCycloneDx(report, 'json', OPTIONS))) as Sbom;
    expect(sbom.metadata.component).toMatchObject({ name: 'tool.exe', purl: '' });
    expect(sbom.components).toEqual([]);
  });
});

describe('generateCycloneDx with hostile build info', () => {
  it('never throws and always writes a valid document, whatever the module paths and versions', async () => {
    const paths = ['', ' ', 'a b', 'x/@y', 'x?y#z', 'ü/ñ', '%zz', 'a//b', '/', 'a/', '..', 'C:\\x', 'x@v1'];
    for (const path of paths) {
      for (const version of ['', 'v1.0.0', 'a b', '(devel)', '%']) {
        const goversion =
          `x: go1.2.3\n\tpath\t${path}\n\tmod\t${path}\t${version}\t\n` +
          `\tdep\t${path}\t${version}\th1:bad\n\t=>\t${path}\t${version}\t\n`;
        const report = reportFromGoVersion(goversion);
        const text = generateCycloneDx(report, 'json', OPTIONS);
        const sbom = parseSbom(bytes(text)) as Sbom;
        expect(await validateSbom(bytes(text), sbom)).toEqual({ valid: true, errors: [] });
        expect(() => reconcile(report, sbom)).not.toThrow();
      }
    }
  });
});

describe('generateCycloneDx main module version', () => {
  // Truth: go version -m of leaky-linux-amd64 ("(devel)", vcs.revision=925d9cb6b5cd…, vcs.time=2026-01-02T03:04:05Z)
  // and linux-amd64-xvars ("(devel)", -X main.version=1.2.3-fixture); pseudo-version per go.dev/ref/mod.
  it.each([
    ['leaky-linux-amd64', 'v0.0.0-20260102030405-925d9cb6b5cd', 'vcs'],
    ['linux-amd64-xvars', '1.2.3-fixture', 'ldflags'],
  ])('%s: the recovered version names the application, and the property says from where', (name, version, from) => {
    const report = reportFromGoVersion(truth(`${name}.goversion.txt`), name);
    report.go!.buildInfo = withMainVersion(report.go!.buildInfo);
    const sbom = parseSbom(bytes(generateCycloneDx(report, 'json', OPTIONS))) as Sbom;
    expect(sbom.metadata.component).toMatchObject({ version });
    expect(sbom.metadata.component?.purl).toBe(`pkg:golang/${report.go!.buildInfo!.main!.path}@${version}`);
    expect(sbom.metadata.component?.properties).toContainEqual({
      name: 'gobinscope:go:main-version-source',
      value: from,
    });
  });
});
