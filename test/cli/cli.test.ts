import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readelfSections } from '../../e2e/serve';

// The CLI exactly as a pipeline runs it: `gobinscope` from the package's bin, after `npm run build`.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gobinscope analyze --json', () => {
  it('stops quietly when the reader closes the pipe early (| head)', () => {
    const run = spawnSync(
      'bash',
      [
        '-c',
        'node bin/gobinscope.mjs analyze test/fixtures/bin/linux-amd64 --json | head -c 10; exit ${PIPESTATUS[0]}',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe('{\n  "schem');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints the report with sections equal to readelf -SW', () => {
    const { code, stdout } = cli('analyze', 'test/fixtures/bin/linux-amd64', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    const bytes = readFileSync('test/fixtures/bin/linux-amd64');
    expect(report.file).toEqual({
      name: 'linux-amd64',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(report.format).toBe('elf');
    expect(report.arch).toBe('x86_64');
    expect(report.diagnostics).toEqual([]);
    const expected = readelfSections('test/fixtures/truth/linux-amd64.readelf-S.txt');
    expect(
      report.sections.map(
        (s: { name: string; type: string; address: string; offset: number; size: number; flags: string }) => ({
          name: s.name,
          type: s.type,
          address: s.address,
          offset: s.offset,
          size: s.size,
          flags: s.flags,
        }),
      ),
    ).toEqual(expected.map((s) => ({ ...s, address: `0x${s.address.toString(16)}` })));
  });

  it('prints a short human summary without --json', () => {
    const { code, stdout } = cli('analyze', 'test/fixtures/bin/linux-amd64');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^linux-amd64 /);
    expect(stdout).toContain('format: elf x86_64 64-bit');
    expect(stdout).toContain('.gopclntab');
  });

  it('names PE and Mach-O formats', () => {
    expect(JSON.parse(cli('analyze', 'test/fixtures/bin/windows-amd64.exe', '--json').stdout).format).toBe('pe');
    expect(JSON.parse(cli('analyze', 'test/fixtures/bin/darwin-arm64', '--json').stdout).format).toBe('macho');
    expect(JSON.parse(cli('analyze', 'test/fixtures/bin/darwin-fat', '--json').stdout).format).toBe('macho-fat');
  });
});

describe('bad input', () => {
  const empty = join(dir, 'empty.bin');
  writeFileSync(empty, '');
  for (const [what, args] of [
    ['a missing file', ['analyze', join(dir, 'missing')]],
    ['a directory', ['analyze', dir]],
    ['an empty file', ['analyze', empty]],
    ['no file at all', ['analyze']],
    ['an unknown command', ['frobnicate']],
  ] as const) {
    it(`exits 2 with one line on stderr for ${what}`, () => {
      const { code, stdout, stderr } = cli(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^gobinscope: /);
    });
  }
});
