import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmodSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// -o never writes an input, under any name, and a written output is whole: the CLI as users run it (npm run build).
function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let binary: string;
let sbom: string;
let other: string;
/** A stand-in for Chromium: writes a tiny PDF where --print-to-pdf says, or fails when asked to. */
let fakeChrome: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gobinscope-output-'));
  // Copies, so even a broken build could never touch the committed fixtures.
  binary = join(dir, 'hello');
  copyFileSync('test/fixtures/bin/linux-amd64', binary);
  other = join(dir, 'hello-strip');
  copyFileSync('test/fixtures/bin/linux-amd64-strip', other);
  sbom = join(dir, 'hello.cdx.json');
  copyFileSync('test/fixtures/sbom/hello.cdx-1.6.json', sbom);
  fakeChrome = join(dir, 'fake-chrome.mjs');
  writeFileSync(
    fakeChrome,
    [
      '#!/usr/bin/env node',
      "import { writeFileSync } from 'node:fs';",
      'if (process.env.FAKE_CHROME_FAIL) process.exit(1);',
      "const out = process.argv.find((a) => a.startsWith('--print-to-pdf=')).slice('--print-to-pdf='.length);",
      "writeFileSync(out, '%PDF-1.4\\n% fake\\n');",
    ].join('\n'),
  );
  chmodSync(fakeChrome, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `args`, expects exit 2 with one line naming the refusal, and every input byte-identical afterwards. */
function expectRefused(args: string[], env: Record<string, string> = {}) {
  const inputs = [binary, other, sbom];
  const before = inputs.map(sha256);
  const { code, stdout, stderr } = cli(args, env);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/refusing to write .*: it is the input/);
  expect(inputs.map(sha256)).toEqual(before);
}

const leftovers = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('-o onto an input is refused with exit 2', () => {
  it('sbom X -o X', () => expectRefused(['sbom', binary, '-o', binary]));
  it('report X -o X', () => expectRefused(['report', binary, '--format', 'md', '-o', binary]));
  it('through a symlink to the input', () => {
    const link = join(dir, 'link-to-hello');
    symlinkSync(binary, link);
    expectRefused(['sbom', binary, '--output', link]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
  it('through a hard link to the input', () => {
    const hard = join(dir, 'hard-to-hello.md');
    linkSync(binary, hard);
    expectRefused(['report', binary, '-o', hard]);
  });
  it('onto the --sbom and the --compare inputs of report', () => {
    expectRefused(['report', binary, '--sbom', sbom, '--format', 'json', '-o', sbom]);
    expectRefused(['report', binary, '--compare', other, '--format', 'md', `--output=${other}`]);
  });
  it('for a PDF too, before Chromium is started', () => {
    expectRefused(['report', binary, '-o', binary, '--format', 'pdf'], { CHROME_PATH: fakeChrome });
  });
});

describe('a normal -o', () => {
  it('writes the whole output and leaves no temporary file behind', () => {
    const out = join(dir, 'hello.sbom.json');
    const { code, stderr } = cli(['sbom', binary, '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(document.bomFormat).toBe('CycloneDX');
    expect(document.specVersion).toBe('1.6');
    expect(leftovers()).toEqual([]);
  });

  it('replaces an existing file that is not an input', () => {
    const out = join(dir, 'old.md');
    writeFileSync(out, 'an older report\n');
    expect(cli(['report', binary, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    expect(leftovers()).toEqual([]);
  });

  it('prints a PDF to a temporary name and renames it', () => {
    const out = join(dir, 'hello.pdf');
    const { code, stderr } = cli(['report', binary, '-o', out], { CHROME_PATH: fakeChrome });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(out, 'latin1').startsWith('%PDF-')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('leaves no file at all when printing fails', () => {
    const out = join(dir, 'failed.pdf');
    const { code } = cli(['report', binary, '-o', out], { CHROME_PATH: fakeChrome, FAKE_CHROME_FAIL: '1' });
    expect(code).toBe(3);
    expect(readdirSync(dir)).not.toContain('failed.pdf');
    expect(leftovers()).toEqual([]);
  });
});
