import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';

// The official SARIF 2.1.0 schema (as in sarif-schema.test.ts), now over vulnerability findings: the vulncall
// fixture calls encoding/pem.Decode, a symbol of GO-2025-4009 in the committed database snapshot.
const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

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
