import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Expected modules come from `go version -m` (test/fixtures/truth/linux-amd64.goversion.txt); the SBOMs under
// test/fixtures/sbom were written by hand from the specs' examples, with discrepancies planted in some.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-sbom-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = 'test/fixtures/bin/linux-amd64';

describe('gobinscope sbom', () => {
  it('writes CycloneDX 1.6 JSON with a purl per module of go version -m and the standard library', () => {
    const { code, stdout } = cli('sbom', BIN);
    expect(code).toBe(0);
    const bom = JSON.parse(stdout);
    expect(bom.specVersion).toBe('1.6');
    const truth = readFileSync('test/fixtures/truth/linux-amd64.goversion.txt', 'utf8');
    const goVersion = /: go(\S+)/.exec(truth)![1];
    const purls = bom.components.map((c: { purl: string }) => c.purl);
    expect(purls).toContain(`pkg:golang/stdlib@${goVersion}`);
    expect(bom.metadata.component.purl).toMatch(/^pkg:golang\/example\.com\/hello/);
  });

  it('writes XML, and the generated document reconciles clean with its binary', () => {
    expect(cli('sbom', BIN, '--format', 'cyclonedx-xml').stdout).toMatch(
      /^<\?xml[^>]*>\s*<bom xmlns="http:\/\/cyclonedx.org\/schema\/bom\/1.6"/,
    );
    const out = join(dir, 'gen.cdx.json');
    expect(cli('sbom', BIN, '-o', out).code).toBe(0);
    expect(cli('reconcile', BIN, out).code).toBe(0);
  });

  it('exits 2 for bad input', () => {
    expect(cli('sbom', 'test/fixtures/bin/missing').code).toBe(2);
    expect(cli('sbom', BIN, '--format', 'spdx').code).toBe(2);
    expect(cli('sbom', BIN, '--spec', '1.8').code).toBe(2);
    expect(cli('sbom', BIN, '--format', 'spdx-json', '--spec', '1.7').code).toBe(2);
  });

  it('writes CycloneDX 1.7 on request', () => {
    const run = cli('sbom', BIN, '--spec', '1.7');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).specVersion).toBe('1.7');
    expect(cli('sbom', BIN, '--format', 'cyclonedx-xml', '--spec', '1.7').stdout).toContain(
      'xmlns="http://cyclonedx.org/schema/bom/1.7"',
    );
  });

  it.each([
    ['spdx-json', 'gen.spdx.json'],
    ['spdx3-json', 'gen.spdx3.json'],
  ])('writes %s that reconciles clean with its binary', (format, name) => {
    const out = join(dir, name);
    expect(cli('sbom', BIN, '--format', format, '-o', out).code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    if (format === 'spdx-json') expect(doc.spdxVersion).toBe('SPDX-2.3');
    else expect(doc['@context']).toBe('https://spdx.org/rdf/3.0.1/spdx-context.jsonld');
    expect(cli('reconcile', BIN, out).code).toBe(0);
  });
});

describe('gobinscope reconcile', () => {
  it('exits 0 when the SBOM matches and 1 when a discrepancy is planted', () => {
    expect(cli('reconcile', BIN, 'test/fixtures/sbom/hello.cdx-1.6.json').code).toBe(0);
    for (const name of ['hello.cdx-1.7.xml', 'hello.spdx-2.3.spdx', 'hello.spdx-3.0.json']) {
      expect(cli('reconcile', BIN, `test/fixtures/sbom/${name}`).code, name).toBe(0);
    }
    const wrong = cli('reconcile', BIN, 'test/fixtures/sbom/discrepancy-wrong-version.cdx.json', '--json');
    expect(wrong.code).toBe(1);
    // The hand-written SBOM names the main module in metadata.component only: a warning after the error.
    expect(JSON.parse(wrong.stdout)).toMatchObject({
      verdict: 'mismatch',
      items: [
        { kind: 'version-mismatch', severity: 'error' },
        { kind: 'main-only-in-metadata', severity: 'warning' },
      ],
    });
  });

  it('exits 2 with one line for a hostile or broken SBOM', () => {
    for (const name of ['malformed-xxe.cdx.xml', 'malformed-billion-laughs.cdx.xml', 'malformed-truncated.cdx.json']) {
      const run = cli('reconcile', BIN, `test/fixtures/sbom/${name}`);
      expect(run.code, name).toBe(2);
      expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  });
});
