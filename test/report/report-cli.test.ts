import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `gobinscope report` in its text formats and its failures, as a pipeline runs it (after `npm run build`).
const FIXTURE = 'test/fixtures/bin/leaky-linux-amd64';
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'report', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('gobinscope report (text formats)', () => {
  it('writes Markdown, HTML, JSON and SARIF, picking the format from -o or --format', () => {
    expect(cli([FIXTURE, '-o', join(dir, 'r.md')]).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# Gobinscope audit report: leaky-linux-amd64/);
    expect(cli([FIXTURE, '-o', join(dir, 'r.html')]).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(cli([FIXTURE, '--format', 'json', '-o', join(dir, 'r.out')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.out'), 'utf8')).file.name).toBe('leaky-linux-amd64');
    expect(cli([FIXTURE, '-o', join(dir, 'r.sarif')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(dir).sort()).toEqual(['r.html', 'r.md', 'r.out', 'r.sarif']);
  });

  it('prints text formats to stdout without -o', () => {
    const { code, stdout } = cli([FIXTURE, '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout).toContain('## Findings');
    expect(stdout).not.toContain('AKIAFAKEFAKEFAKE7EXA');
  });

  it('reproduces the date from SOURCE_DATE_EPOCH', () => {
    expect(cli([FIXTURE, '--format', 'md'], { SOURCE_DATE_EPOCH: '1767323045' }).stdout).toContain(
      '2026-01-02 03:04 UTC',
    );
  });
});

describe('gobinscope report with extras', () => {
  it('adds the comparison and its strip verification with --compare', () => {
    const { code, stdout } = cli([
      'test/fixtures/bin/linux-amd64',
      '--compare',
      'test/fixtures/bin/linux-amd64-strip',
      '--format',
      'md',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('## Strip verification');
    expect(stdout).toContain('## What changed');
  });

  it('adds the SBOM reconciliation with --sbom', () => {
    const bom = join(dir, 'leaky.cdx.json');
    const made = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'sbom', FIXTURE, '-o', bom], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    const { code, stdout } = cli(['test/fixtures/bin/linux-amd64', '--sbom', bom, '--format', 'md']);
    rmSync(bom);
    expect(code).toBe(0);
    expect(stdout).toContain('# Gobinscope SBOM reconciliation: linux-amd64 and its SBOM');
    expect(stdout).toContain('## Disagreements');
    expect(stdout).toContain('the SBOM does not match the binary');
  });
});

describe('gobinscope report failures', () => {
  for (const [what, args, env] of [
    ['a missing file', [join(dir, 'missing'), '-o', join(dir, 'x.pdf')], {}],
    ['an unknown format', [FIXTURE, '--format', 'docx'], {}],
    ['a PDF without -o', [FIXTURE], {}],
    ['no file', ['-o', join(dir, 'x.pdf')], {}],
    ['an SBOM that is not one', [FIXTURE, '--sbom', FIXTURE, '--format', 'md'], {}],
    ['an output folder that does not exist', [FIXTURE, '-o', join(dir, 'no-folder', 'x.md')], {}],
    ['a CHROME_PATH that does not exist', [FIXTURE, '-o', join(dir, 'x.pdf')], { CHROME_PATH: join(dir, 'no-chrome') }],
  ] as const) {
    it(`exits 2 with one line for ${what}, writing nothing`, () => {
      const { code, stdout, stderr } = cli([...args], env);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^gobinscope: /);
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    });
  }
});
