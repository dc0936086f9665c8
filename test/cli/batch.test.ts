import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { validateSbom, parseSbom } from '../../src/core/sbom/index';
import { SURVIVING_GO, buildImages } from '../container/build-image';
import { binDir } from '../fixtures';
import { LEAKY_BINARY, plantedSecrets } from '../secrets/planted';

// Folders and images as pipelines hand them to the CLI. What each holds is known from how the test built it; the
// severities come from the fixtures' sources (leaky-linux-amd64 carries planted fake secrets, the others none) and
// the modules from `go version -m` (test/fixtures/truth/*.goversion.txt).
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each test runs the whole CLI over several binaries; on a machine shared by many runs that takes a while.
vi.setConfig({ testTimeout: 180_000 });

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const images = buildImages();
const work = mkdtempSync(join(tmpdir(), 'gobinscope-batch-'));
afterAll(() => {
  images.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** clean/: one Go binary, a text file, and a link to a leaky binary outside the folder (never followed). */
function folder(): string {
  const root = join(work, 'clean');
  mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
  copyFileSync(join(binDir, 'linux-amd64'), join(root, 'sub', 'deeper', 'hello'));
  writeFileSync(join(root, 'README'), 'not an executable\n');
  copyFileSync(join(binDir, 'leaky-linux-amd64'), join(work, 'outside-leaky'));
  symlinkSync(join(work, 'outside-leaky'), join(root, 'link-to-leaky'));
  symlinkSync('..', join(root, 'sub', 'loop'));
  return root;
}
const clean = folder();

describe('a folder', () => {
  it('is scanned recursively by content, without following links, one JSON line per executable', () => {
    const { code, stdout } = cli('scan', clean, '--format', 'jsonl', '--fail-on', 'high');
    expect(code).toBe(0);
    const reports = lines(stdout);
    expect(reports.map((r) => r.origin.path)).toEqual([`${clean}/sub/deeper/hello`]);
    expect(reports[0].go.buildInfo.path).toBe('example.com/hello');
  });

  it('fails --fail-on over all its files, and analyze --json lists every report', () => {
    const mixed = join(work, 'mixed');
    mkdirSync(mixed);
    copyFileSync(join(binDir, 'linux-amd64'), join(mixed, 'a'));
    copyFileSync(join(binDir, 'leaky-linux-amd64'), join(mixed, 'b'));
    expect(cli('scan', mixed, '--fail-on', 'high').code).toBe(1);
    expect(cli('scan', mixed, '--fail-on', 'none').code).toBe(0);
    const listed = JSON.parse(cli('analyze', mixed, '--json').stdout);
    expect(listed.map((r: { file: { name: string } }) => r.file.name)).toEqual([`${mixed}/a`, `${mixed}/b`]);
  });

  it('reports a file it cannot read and goes on; the run exits 2', () => {
    const { code, stdout, stderr } = cli('scan', clean, join(work, 'missing-file'), '--format', 'jsonl');
    expect(code).toBe(2);
    expect(lines(stdout)).toHaveLength(1);
    expect(stderr).toMatch(/missing-file.*does not exist/);
  });
});

describe('secrets in a batch', () => {
  it('stay masked in every report from the pool; --reveal-secrets puts the clear values back', () => {
    const leaky = join(work, 'leaky');
    mkdirSync(leaky);
    copyFileSync(LEAKY_BINARY, join(leaky, 'one'));
    copyFileSync(join(binDir, 'linux-amd64'), join(leaky, 'two'));
    const token = plantedSecrets().find((p) => p.name === 'apiToken')!.value;
    const masked = cli('scan', leaky, '--format', 'jsonl', '--fail-on', 'none');
    expect(lines(masked.stdout)).toHaveLength(2);
    expect(masked.stdout).not.toContain(token);
    expect(cli('scan', leaky, '--format', 'jsonl', '--fail-on', 'none', '--reveal-secrets').stdout).toContain(token);
  });
});

describe.each([
  ['docker save', () => images.docker, () => images.dockerLayers, 'gobinscope/test:1'],
  ['OCI layout', () => images.oci, () => images.ociLayers, 'gobinscope/oci:2'],
])('a %s image tarball', (_kind, archive, layers, name) => {
  it('scans every Go binary left after whiteouts, with its path and layer; the deleted leaky one is gone', () => {
    const { code, stdout, stderr } = cli('scan', archive(), '--format', 'jsonl', '--fail-on', 'high');
    expect(stderr).toBe('');
    // The only binary with high findings was deleted by the upper layer's whiteout.
    expect(code).toBe(0);
    const reports = lines(stdout);
    // In layer order, as the layers are streamed; the set is what the test built.
    expect(reports.map((r) => r.origin.path).sort()).toEqual(Object.keys(SURVIVING_GO).sort());
    for (const report of reports) {
      expect(report.origin.image).toBe(name);
      expect(report.origin.layer).toBe(layers()[SURVIVING_GO[report.origin.path]!]);
      expect(report.file.name).toBe(report.origin.path);
    }
  });

  it('gives one valid CycloneDX document: the image, each binary a component with its modules', async () => {
    const { code, stdout } = cli('sbom', archive());
    expect(code).toBe(0);
    const bytes = new TextEncoder().encode(stdout);
    const validation = await validateSbom(bytes, parseSbom(bytes)!);
    expect(validation.errors).toEqual([]);
    const bom = JSON.parse(stdout);
    expect(bom.metadata.component).toMatchObject({ type: 'container', name });
    const paths = bom.components.map(
      (c: { properties: { name: string; value: string }[] }) =>
        c.properties.find((p) => p.name === 'gobinscope:image:path')!.value,
    );
    expect([...paths].sort()).toEqual(Object.keys(SURVIVING_GO).sort());
    const multimod = bom.components[paths.indexOf('opt/tools/new-tool')];
    const truth = readFileSync(resolve('test/fixtures/truth/multimod-linux-amd64.goversion.txt'), 'utf8');
    const deps = [...truth.matchAll(/^\tdep\t(\S+)/gm)].map((m) => m[1]);
    const names = multimod.components.map((c: { name: string }) => c.name);
    for (const dep of deps) expect(names).toContain(dep);
  });
});
