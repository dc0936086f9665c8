import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAKY_BINARY, plainXValues, plantedSecrets } from '../secrets/planted';

// Every command and format of the built CLI, over the planted-secrets fixture: no planted value may appear in
// clear anywhere, unless the user asked for it with --reveal-secrets.
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const OTHER = 'test/fixtures/bin/linux-amd64';
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const planted = plantedSecrets();

/** The planted values found in clear in one output; PDF text may break lines anywhere, so spaces are dropped. */
function leaked(text: string, squeeze = false): string[] {
  const haystack = squeeze ? text.replace(/\s+/g, '') : text;
  return planted.filter((p) => haystack.includes(p.value)).map((p) => `${p.name}: ${p.value}`);
}

function output(...args: string[]): string {
  const run = cli(...args);
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return run.stdout;
}

function file(name: string, ...args: string[]): string {
  const path = join(dir, name);
  output(...args, '-o', path);
  return readFileSync(path, 'utf8');
}

describe('secrets stay masked in every output of the command line', () => {
  it('finds every planted value in the fixture source and build script', () => {
    // 17 planted secrets, the PEM body being two lines.
    expect(planted.length).toBe(18);
    expect(plainXValues()).toEqual(['jdoe', 'spring-fixture']);
  });

  it('analyze, text and JSON: the -X token masked, the plain -X values in clear', () => {
    const json = output('analyze', LEAKY_BINARY, '--json');
    expect(leaked(json)).toEqual([]);
    expect(leaked(output('analyze', LEAKY_BINARY))).toEqual([]);
    const ldflags = (JSON.parse(json).go.buildInfo.settings as { key: string; value: string }[]).find(
      (s) => s.key === '-ldflags',
    )!.value;
    for (const plain of plainXValues()) expect(ldflags).toContain(plain);
    expect(ldflags).toContain('main.apiToken=ghp_…');
  });

  it('analyze --json --reveal-secrets shows the planted values the report holds', () => {
    const json = output('analyze', LEAKY_BINARY, '--json', '--reveal-secrets');
    const token = planted.find((p) => p.name === 'apiToken')!.value;
    expect(json).toContain(`main.apiToken=${token}`);
  });

  it.each(['text', 'json', 'sarif'])('scan --format %s', (format) => {
    expect(leaked(output('scan', LEAKY_BINARY, '--format', format, '--fail-on', 'none'))).toEqual([]);
  });

  it.each(['html', 'md', 'json', 'sarif'])('report --format %s', (format) => {
    const text = file(`report.${format}`, 'report', LEAKY_BINARY, '--format', format);
    expect(leaked(text)).toEqual([]);
    if (format !== 'sarif') expect(text).toContain('spring-fixture');
  });

  it('report with a comparison and an SBOM reconciliation', () => {
    const sbom = file('leaky.cdx.json', 'sbom', LEAKY_BINARY);
    const text = file(
      'with-extras.html',
      'report',
      LEAKY_BINARY,
      '--compare',
      OTHER,
      '--sbom',
      join(dir, 'leaky.cdx.json'),
    );
    expect(sbom.length).toBeGreaterThan(0);
    expect(leaked(text)).toEqual([]);
  });

  it('report as PDF, read back with pdftotext', () => {
    const pdf = join(dir, 'report.pdf');
    output('report', LEAKY_BINARY, '-o', pdf);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text.replace(/\s+/g, '')).toContain('spring-fixture');
    expect(leaked(text, true)).toEqual([]);
  });

  it.each(['cyclonedx-json', 'cyclonedx-xml'])('sbom --format %s: build settings as properties, masked', (format) => {
    const text = output('sbom', LEAKY_BINARY, '--format', format);
    expect(text).toContain('spring-fixture');
    expect(leaked(text)).toEqual([]);
  });

  it('compare with another build, both ways, text and JSON', () => {
    for (const [a, b] of [
      [LEAKY_BINARY, OTHER],
      [OTHER, LEAKY_BINARY],
    ] as const) {
      const text = output('compare', a, b);
      expect(text).toContain('spring-fixture');
      expect(leaked(text)).toEqual([]);
      expect(leaked(output('compare', a, b, '--json'))).toEqual([]);
    }
  });

  it('reconcile against an SBOM the sbom command made, text and JSON', () => {
    const sbomPath = join(dir, 'reconcile.cdx.json');
    file('reconcile.cdx.json', 'sbom', LEAKY_BINARY);
    expect(leaked(output('reconcile', LEAKY_BINARY, sbomPath))).toEqual([]);
    expect(leaked(output('reconcile', LEAKY_BINARY, sbomPath, '--json'))).toEqual([]);
  });

  it('sbom --reveal-secrets carries the token; reconcile against that SBOM still masks it', () => {
    const token = planted.find((p) => p.name === 'apiToken')!.value;
    const sbomPath = join(dir, 'revealed.cdx.json');
    expect(file('revealed.cdx.json', 'sbom', LEAKY_BINARY, '--reveal-secrets')).toContain(token);
    expect(leaked(output('reconcile', LEAKY_BINARY, sbomPath, '--json'))).toEqual([]);
    expect(leaked(output('reconcile', LEAKY_BINARY, sbomPath))).toEqual([]);
  });

  it('every command names --reveal-secrets in its usage', () => {
    const help = output('--help');
    for (const command of ['analyze', 'scan', 'report', 'sbom', 'compare', 'reconcile'])
      expect(help).toMatch(new RegExp(`gobinscope ${command} .*--reveal-secrets`));
  });
});
