import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, readBaseline, scratch } from './baseline-support';

// Severities of discrepancies and `reconcile --fail-on`. linux-amd64's modules come from `go version -m`
// (test/fixtures/truth/linux-amd64.goversion.txt: main example.com/hello, example.com/greeting, go1.19.8); the SBOMs
// are the hand-written ones under test/fixtures/sbom, or edits of hello.cdx-1.6.json made here.
const BIN = 'test/fixtures/bin/linux-amd64';
const SBOM = 'test/fixtures/sbom';
const files = scratch('gobinscope-reconcile-levels-');
afterAll(files.remove);
const hello = JSON.parse(readFileSync(`${SBOM}/hello.cdx-1.6.json`, 'utf8'));

function edited(name: string, change: (doc: typeof hello) => void): string {
  const doc = structuredClone(hello);
  change(doc);
  return files.write(name, JSON.stringify(doc, null, 2));
}

const noStdlib = edited('no-stdlib.cdx.json', (doc) => {
  doc.components = doc.components.filter((c: { name: string }) => c.name !== 'stdlib');
});
const otherProgram = edited('other.cdx.json', (doc) => {
  doc.metadata.component.name = 'example.com/other';
  doc.metadata.component.purl = 'pkg:golang/example.com/other@v1.2.3';
  doc.metadata.component['bom-ref'] = 'pkg:golang/example.com/other@v1.2.3';
});

describe('reconcile --fail-on', () => {
  it('the main module only in metadata.component is a warning: exit 0 by default, 1 at --fail-on warning', () => {
    const path = `${SBOM}/hello.cdx-1.6.json`;
    expect(cli('reconcile', BIN, path).code).toBe(0);
    expect(cli('reconcile', BIN, path, '--fail-on', 'error').code).toBe(0);
    const run = cli('reconcile', BIN, path, '--fail-on', 'warning', '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ verdict: 'match', otherProgram: null, bySeverity: { error: 0, warning: 1 } });
    expect(result.items).toMatchObject([
      { kind: 'main-only-in-metadata', module: 'example.com/hello', severity: 'warning' },
    ]);
  });

  it('SPDX lists the described package among the packages: nothing to warn about', () => {
    expect(cli('reconcile', BIN, `${SBOM}/hello.spdx-2.3.json`, '--fail-on', 'warning').code).toBe(0);
  });

  it('the standard library missing is a warning', () => {
    const run = cli('reconcile', BIN, noStdlib);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}\[warning\] \[missing-from-sbom\] stdlib: .*Go 1\.19\.8/m);
    expect(cli('reconcile', BIN, noStdlib, '--fail-on', 'warning').code).toBe(1);
  });

  it.each([
    ['discrepancy-missing-module.cdx.json', 'missing-from-sbom', 'example.com/greeting'],
    ['discrepancy-extra-module.cdx.json', 'not-in-binary', 'golang.org/x/text'],
    ['discrepancy-wrong-version.cdx.json', 'version-mismatch', 'stdlib'],
    ['discrepancy-replacement.cdx.json', 'replacement-not-reflected', 'example.com/greeting'],
  ])('%s is an error: exit 1, and 0 with --fail-on none', (name, kind, module) => {
    const run = cli('reconcile', BIN, `${SBOM}/${name}`);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[1]).toMatch(
      new RegExp(`^  \\[error\\] \\[${kind}\\] ${module.replace(/\./g, '\\.')}: `),
    );
    expect(cli('reconcile', BIN, `${SBOM}/${name}`, '--fail-on', 'none').code).toBe(0);
  });

  it('a level it does not know is exit 2', () => {
    const run = cli('reconcile', BIN, `${SBOM}/hello.cdx-1.6.json`, '--fail-on', 'high');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--fail-on takes one of error, warning, none/);
  });
});

describe('an SBOM for another program', () => {
  it('says so on the first line, flags it in the JSON, and fails', () => {
    const run = cli('reconcile', BIN, otherProgram);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe('This SBOM describes example.com/other v1.2.3, not example.com/hello.');
    const result = JSON.parse(cli('reconcile', BIN, otherProgram, '--json').stdout);
    expect(result.otherProgram).toEqual({ sbomDescribes: 'example.com/other v1.2.3', binaryIs: 'example.com/hello' });
    expect(result.items).toMatchObject([{ kind: 'missing-from-sbom', module: 'example.com/hello', severity: 'error' }]);
  });

  it('an SBOM the sbom command made for the leaky fixture describes example.com/leaky', () => {
    // test/fixtures/truth/leaky-linux-amd64.goversion.txt: path example.com/leaky.
    const leaky = files.path('leaky.cdx.json');
    expect(cli('sbom', 'test/fixtures/bin/leaky-linux-amd64', '-o', leaky).code).toBe(0);
    const run = cli('reconcile', BIN, leaky);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^This SBOM describes example\.com\/leaky\b.*, not example\.com\/hello\.$/,
    );
  });
});

describe('reconcile --baseline', () => {
  it('suppresses the discrepancies written down, and reports the entries no longer needed', () => {
    const path = files.path('reconcile.baseline.json');
    const wrong = `${SBOM}/discrepancy-wrong-version.cdx.json`;
    expect(cli('reconcile', BIN, wrong, '--write-baseline', path).code).toBe(1);
    const rules = readBaseline(path).entries.map((entry) => entry.rule);
    expect(rules).toEqual(['reconcile.version-mismatch', 'reconcile.main-only-in-metadata']);
    const run = cli('reconcile', BIN, wrong, '--baseline', path, '--fail-on', 'warning', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).baseline.suppressed.map((s: { rule: string }) => s.rule)).toEqual(rules);
    // Against the right SBOM the version entry matches nothing: a warning, not a failure.
    const fixed = cli('reconcile', BIN, `${SBOM}/hello.cdx-1.6.json`, '--baseline', path);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/^warning: reconcile\.baseline\.json: unused entry reconcile\.version-mismatch /m);
  });
});

describe('--help', () => {
  it.each([
    ['scan', ['--baseline', '--write-baseline', '--fail-on']],
    ['reconcile', ['--baseline', '--write-baseline', '--fail-on', 'error|warning|none']],
  ])('%s shows the new flags', (command, flags) => {
    const run = cli(command, '--help');
    expect(run.code).toBe(0);
    for (const flag of flags) expect(run.stdout).toContain(flag);
  });
});
