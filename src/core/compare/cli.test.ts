import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `gobinscope compare` as a pipeline runs it, from the package's bin; it needs the bundle `npm run build` makes.
const built = existsSync('out/cli/gobinscope.mjs');

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'compare', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const bin = (name: string): string => `test/fixtures/bin/${name}`;

describe.skipIf(!built)('gobinscope compare', () => {
  it('prints the comparison as JSON and exits 0', () => {
    const { code, stdout } = cli(bin('linux-amd64'), bin('linux-amd64-strip'), '--json');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout);
    expect(comparison.a.name).toBe('linux-amd64');
    expect(comparison.b.name).toBe('linux-amd64-strip');
    expect(comparison.stripVerification.codeIdentical).toBe(true);
  });

  it('prints a readable summary with unchanged parts folded', () => {
    const { code, stdout } = cli(bin('linux-amd64'), bin('linux-amd64-trimpath'));
    expect(code).toBe(0);
    expect(stdout).toContain('* Code differs');
    expect(stdout).toContain('added -trimpath=true');
    expect(stdout).toMatch(/Modules: \d+ unchanged/);
  });

  it('refuses a PNG with exit 2 and the line analysing it alone gives', () => {
    const { code, stdout, stderr } = cli(bin('linux-amd64'), 'resources/icon.png', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('gobinscope: icon.png: This is not an executable (looks like a PNG image).\n');
  });

  it('says two different programs first, in the text and in the JSON', () => {
    const text = cli(bin('linux-amd64'), bin('leaky-linux-amd64'));
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^Different programs: A \(linux-amd64\) is example\.com\/hello, /);
    const json = JSON.parse(cli(bin('linux-amd64'), bin('leaky-linux-amd64'), '--json').stdout);
    expect(json.program).toMatchObject({ verdict: 'different', mainModuleA: 'example.com/hello' });
  });

  it('exits 2 with one line for a missing file or a missing argument', () => {
    for (const args of [[bin('linux-amd64'), 'test/fixtures/bin/no-such-file'], [bin('linux-amd64')]]) {
      const { code, stdout, stderr } = cli(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
