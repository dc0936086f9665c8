import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `gobinscope scan` as a pipeline runs it. Expectations come from how the fixtures were built: leaky-linux-amd64
// carries planted fake secrets (test/fixtures/go/leaky/main.go), linux-amd64 none.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('gobinscope scan', () => {
  it('exits 1 when a finding reaches --fail-on, 0 otherwise', () => {
    expect(cli('scan', 'test/fixtures/bin/leaky-linux-amd64', '--fail-on', 'high').code).toBe(1);
    expect(cli('scan', 'test/fixtures/bin/linux-amd64', '--fail-on', 'high').code).toBe(0);
    expect(cli('scan', 'test/fixtures/bin/linux-amd64', '--fail-on', 'low').code).toBe(1);
    expect(cli('scan', 'test/fixtures/bin/leaky-linux-amd64', '--fail-on', 'none').code).toBe(0);
  });

  it('exits 2 on bad input or a bad level', () => {
    expect(cli('scan', 'test/fixtures/bin/nope').code).toBe(2);
    expect(cli('scan', 'test/fixtures/bin/linux-amd64', '--fail-on', 'severe').code).toBe(2);
    expect(cli('scan').code).toBe(2);
  });

  it('writes SARIF 2.1.0 with one run per file and masked values', () => {
    const { stdout } = cli(
      'scan',
      'test/fixtures/bin/leaky-linux-amd64',
      'test/fixtures/bin/linux-amd64',
      '--format',
      'sarif',
      '--fail-on',
      'none',
    );
    const log = JSON.parse(stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(2);
    expect(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'secret.aws-access-key-id')).toBe(true);
    const planted = readFileSync('test/fixtures/go/leaky/main.go', 'utf8').match(/AKIA[A-Z0-9]{16}/)![0];
    expect(stdout).not.toContain(planted);
  });

  it('writes the report JSON', () => {
    const report = JSON.parse(
      cli('scan', 'test/fixtures/bin/leaky-linux-amd64', '--format', 'json', '--fail-on', 'none').stdout,
    );
    expect(report.findings.length).toBeGreaterThan(10);
  });
});
