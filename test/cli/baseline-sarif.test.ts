import { afterAll, describe, expect, it } from 'vitest';
import { validateSarif } from '../report/sarif-validator';
import { LEAKY_BINARY } from '../secrets/planted';
import { cli, readBaseline, scratch } from './baseline-support';

// Suppressed results the SARIF 2.1.0 way: result.suppressions holds suppression objects with kind "external"
// (kept outside the analysed file), a justification, and status "accepted" (suppressed) or "rejected" (shown
// again: here, an expired baseline entry). Checked against the official schema, as Microsoft's SARIF test package
// ships it, like test/report/sarif-schema.test.ts does for the plain log.
const validate = validateSarif;

const files = scratch('gobinscope-baseline-sarif-');
afterAll(files.remove);

interface SarifResult {
  ruleId: string;
  fingerprints?: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
}

describe('SARIF with a baseline', () => {
  const written = files.path('all.json');
  cli('scan', LEAKY_BINARY, '--fail-on', 'none', '--write-baseline', written);
  const baseline = readBaseline(written);
  const expiring = baseline.entries.find((entry) => entry.rule === 'secret.jwt')!;
  expiring.expires = '2001-02-03';
  for (const entry of baseline.entries) entry.reason = `fake ${entry.rule} planted in the fixture`;
  baseline.entries.push({ rule: 'secret.slack-token', fingerprint: 'abcdefabcdefabcd', reason: 'an old one' });
  const path = files.write('edited.json', JSON.stringify(baseline));
  const run = cli('scan', LEAKY_BINARY, 'test/fixtures/bin/linux-amd64', '--format', 'sarif', '--baseline', path);
  const log = JSON.parse(run.stdout);
  const results: SarifResult[] = log.runs[0].results;

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('marks accepted suppressions with their justification, and an expired entry as rejected', () => {
    const aws = results.find((r) => r.ruleId === 'secret.aws-access-key-id')!;
    expect(aws.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'fake secret.aws-access-key-id planted in the fixture' },
    ]);
    const jwt = results.find((r) => r.ruleId === 'secret.jwt')!;
    expect(jwt.suppressions).toEqual([
      {
        kind: 'external',
        status: 'rejected',
        justification: 'fake secret.jwt planted in the fixture (baseline entry expired 2001-02-03)',
      },
    ]);
    // The expired secret is the one result that still fails the run at the default --fail-on high.
    expect(run.code).toBe(1);
  });

  it('gives every result a fingerprint, the one in the baseline file', () => {
    expect(results.every((r) => /^[0-9a-f]{16}$/.test(r.fingerprints?.['gobinscope/v1'] ?? ''))).toBe(true);
    const fingerprints = new Set(baseline.entries.map((entry) => entry.fingerprint));
    expect(results.every((r) => fingerprints.has(r.fingerprints!['gobinscope/v1']!))).toBe(true);
  });

  it('says which entries matched nothing as a tool configuration notification', () => {
    const notifications = log.runs[0].invocations[0].toolConfigurationNotifications;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ level: 'warning', descriptor: { id: 'baseline.unused-entry' } });
    expect(notifications[0].message.text).toMatch(/secret\.slack-token abcdefabcdefabcd/);
  });

  it('the second file is matched against the same baseline', () => {
    // linux-amd64 is built from another source, but its residue and hardening findings are the same rules.
    const second: SarifResult[] = log.runs[1].results;
    expect(second.find((r) => r.ruleId === 'hardening.no-pie')?.suppressions?.[0]?.status).toBe('accepted');
  });

  it('the validator is not a rubber stamp: a suppression without kind fails it', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].results.find((r: SarifResult) => r.suppressions).suppressions[0].kind;
    expect(validate(broken)).toBe(false);
  });
});
