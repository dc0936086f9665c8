import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateSarif } from './sarif-validator';

// The official SARIF 2.1.0 JSON schema, as Microsoft's SARIF test package ships it (sarif-2.1.0-rtm.5.json).
const validate = validateSarif;

function scanSarif(...files: string[]): unknown {
  const run = spawnSync(
    process.execPath,
    ['bin/gobinscope.mjs', 'scan', ...files, '--format', 'sarif', '--fail-on', 'none'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

describe('SARIF from gobinscope scan', () => {
  it('validates against the official SARIF 2.1.0 schema, for findings-rich and clean files', () => {
    for (const files of [
      ['test/fixtures/bin/leaky-linux-amd64'],
      ['test/fixtures/bin/linux-amd64', 'test/fixtures/bin/windows-amd64.exe'],
    ]) {
      const log = scanSarif(...files);
      const ok = validate(log);
      expect(validate.errors ?? [], files.join(' ')).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the validator is not a rubber stamp', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });
});

describe('SARIF from gobinscope report --compare and --sbom', () => {
  function reportSarif(...args: string[]): unknown {
    const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', 'report', ...args, '--format', 'sarif'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  }

  it('the findings B brings, and the SBOM disagreements, validate against the official schema', () => {
    const compared = reportSarif('test/fixtures/bin/linux-amd64', '--compare', 'test/fixtures/bin/leaky-linux-amd64');
    expect(validate(compared), JSON.stringify(validate.errors)).toBe(true);
    // leaky's source plants a GitHub token that hello has not: it is among B's new findings.
    const ids = (compared as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results.map((r) => r.ruleId);
    expect(ids).toContain('secret.github-token');
    expect(ids).not.toContain('build.no-trimpath');
    const reconciled = reportSarif('test/fixtures/bin/linux-amd64', '--sbom', 'test/fixtures/sbom/hello.cdx-1.6.json');
    expect(validate(reconciled), JSON.stringify(validate.errors)).toBe(true);
  });
});
