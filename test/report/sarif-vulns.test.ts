import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { validateSarif } from './sarif-validator';

// The official SARIF 2.1.0 schema (as in sarif-schema.test.ts), now over vulnerability findings: the vulncall
// fixture calls encoding/pem.Decode, a symbol of GO-2025-4009 in the committed database snapshot.
const validate = validateSarif;

it('SARIF with vulnerability findings validates against the official 2.1.0 schema', () => {
  const run = spawnSync(
    process.execPath,
    [
      'bin/gobinscope.mjs',
      'scan',
      'test/fixtures/bin/vulncall-calls-linux-amd64',
      '--format',
      'sarif',
      '--fail-on',
      'none',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GOBINSCOPE_VULNDB: 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip' },
    },
  );
  expect(run.status).toBe(0);
  const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const result = log.runs[0]!.results.find((r) => r.ruleId === 'vuln.GO-2025-4009');
  expect(result?.level).toBe('error');
});
