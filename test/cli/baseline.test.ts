import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAKY_BINARY, plantedSecrets } from '../secrets/planted';
import { cli, readBaseline, scratch } from './baseline-support';

// `scan --baseline` on the committed fixtures. leaky-linux-amd64 carries the fake secrets planted in
// test/fixtures/go/leaky/main.go and its build script's -X flags; leaky-linux-amd64-pie is the same source built
// again with -buildmode=pie (test/fixtures/build-leaky.sh): other offsets, sizes and build IDs, the same secrets,
// and no longer the no-PIE finding.
const files = scratch('gobinscope-baseline-');
afterAll(files.remove);
const PIE = 'test/fixtures/bin/leaky-linux-amd64-pie';
const written = files.path('leaky.baseline.json');
const first = cli('scan', LEAKY_BINARY, '--fail-on', 'none', '--write-baseline', written);

describe('--write-baseline', () => {
  it('writes one entry per finding, with a reason to fill in and no secret in clear', () => {
    expect(first.code).toBe(0);
    const baseline = readBaseline(written);
    expect(baseline.gobinscopeBaseline).toBe(1);
    const rules = baseline.entries.map((entry) => entry.rule);
    expect(rules).toContain('secret.aws-access-key-id');
    expect(rules).toContain('hardening.no-pie');
    expect(baseline.entries.every((entry) => /^[0-9a-f]{16}$/.test(entry.fingerprint))).toBe(true);
    expect(baseline.entries.every((entry) => entry.reason === 'TODO: say why this is accepted')).toBe(true);
    const text = readFileSync(written, 'utf8');
    expect(plantedSecrets().filter((p) => text.includes(p.value))).toEqual([]);
  });

  it('--reveal-secrets changes neither the fingerprints nor the masking in the file', () => {
    const clear = files.path('clear.baseline.json');
    cli('scan', LEAKY_BINARY, '--fail-on', 'none', '--reveal-secrets', '--write-baseline', clear);
    expect(readFileSync(clear, 'utf8')).toBe(readFileSync(written, 'utf8'));
  });

  it('never writes an input', () => {
    const run = cli('scan', LEAKY_BINARY, '--write-baseline', LEAKY_BINARY);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to write/);
  });
});

describe('--baseline', () => {
  it('suppressed findings are listed with their reason and no longer fail the run', () => {
    const baseline = readBaseline(written);
    for (const entry of baseline.entries) entry.reason = `accepted: ${entry.rule} is a planted fake`;
    const edited = files.write('edited.json', JSON.stringify(baseline));
    expect(cli('scan', LEAKY_BINARY, '--fail-on', 'info').code).toBe(1);
    const run = cli('scan', LEAKY_BINARY, '--fail-on', 'info', '--baseline', edited);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^leaky-linux-amd64: \d+ findings \((\d+) suppressed by the baseline/);
    expect(run.stdout).toContain('secret.aws-access-key-id: AWS access key ID: AKIA');
    expect(run.stdout).toContain('accepted: secret.aws-access-key-id is a planted fake');
    expect(run.stdout).not.toMatch(/^ {2}\[critical\]/m);
  });

  it('matches the same secrets in another build of the same source; what the build fixed is unused', () => {
    const run = cli('scan', PIE, '--fail-on', 'high', '--baseline', written, '--format', 'json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const secrets = report.findings.filter((f: { kind: string }) => f.kind === 'secret').length;
    expect(secrets).toBeGreaterThan(10);
    const suppressed = report.baseline.suppressed.map((s: { rule: string }) => s.rule);
    expect(suppressed.filter((rule: string) => rule.startsWith('secret.'))).toHaveLength(secrets);
    expect(report.baseline.unused.map((u: { rule: string }) => u.rule)).toContain('hardening.no-pie');
    expect(run.stderr).toMatch(/warning: leaky\.baseline\.json: unused entry hardening\.no-pie [0-9a-f]{16}/);
  });

  it('an expired entry no longer suppresses, and says so', () => {
    const baseline = readBaseline(written);
    const key = baseline.entries.find((entry) => entry.rule === 'secret.aws-access-key-id')!;
    key.expires = '2000-01-31';
    const path = files.write('expired.json', JSON.stringify(baseline));
    const run = cli('scan', LEAKY_BINARY, '--fail-on', 'high', '--baseline', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}\[high\] secret\.aws-access-key-id: .*\(baseline entry expired 2000-01-31\)$/m);
    expect(run.stdout).toMatch(/^expired in expired\.json, counted again \(1\):$/m);
    // The same entry a day that has not come yet still suppresses.
    key.expires = '2999-12-31';
    const later = files.write('later.json', JSON.stringify(baseline));
    expect(cli('scan', LEAKY_BINARY, '--fail-on', 'high', '--baseline', later).code).toBe(0);
  });

  it('an unused entry is a warning that does not change the exit code', () => {
    const baseline = readBaseline(written);
    baseline.entries.push({ rule: 'secret.stripe-key', fingerprint: '0000000000000000', reason: 'gone since' });
    const path = files.write('unused.json', JSON.stringify(baseline));
    const run = cli('scan', LEAKY_BINARY, '--fail-on', 'info', '--baseline', path);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning: unused\.json: unused entry secret\.stripe-key 0000000000000000$/m);
  });

  it.each([
    ['not JSON', '{"gobinscopeBaseline": 1, "entries": [', /is not JSON/],
    ['a misspelt key', '{"gobinscopeBaseline": 1, "entries": [], "entires": []}', /\$\.entires: unknown key/],
    [
      'a date that does not exist',
      '{"gobinscopeBaseline":1,"entries":[{"rule":"a.b","fingerprint":"0123456789abcdef","reason":"r","expires":"2026-02-30"}]}',
      /\$\.entries\[0\]\.expires: must be a date YYYY-MM-DD/,
    ],
  ])('a malformed baseline (%s) is exit 2 with one line', (_label, content, message) => {
    const path = files.write('bad.json', content);
    for (const command of [
      ['scan', LEAKY_BINARY],
      ['reconcile', 'test/fixtures/bin/linux-amd64', 'test/fixtures/sbom/hello.cdx-1.6.json'],
    ]) {
      const run = cli(...command, '--baseline', path);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^gobinscope: --baseline bad\.json is not a valid baseline: /);
      expect(lines[0]).toMatch(message);
    }
  });

  it('a missing baseline file or a flag without a value is exit 2', () => {
    expect(cli('scan', LEAKY_BINARY, '--baseline', files.path('nope.json')).code).toBe(2);
    expect(cli('scan', LEAKY_BINARY, '--baseline').code).toBe(2);
  });

  it('writing a baseline again keeps the reasons and dates given', () => {
    const baseline = readBaseline(written);
    baseline.entries[0]!.reason = 'reviewed by the security team';
    baseline.entries[0]!.expires = '2999-01-01';
    const path = files.write('refresh.json', JSON.stringify(baseline));
    cli('scan', LEAKY_BINARY, '--fail-on', 'none', '--baseline', path, '--write-baseline', path);
    const refreshed = readBaseline(path);
    expect(refreshed.entries[0]).toMatchObject({ reason: 'reviewed by the security team', expires: '2999-01-01' });
    expect(refreshed.entries).toHaveLength(baseline.entries.length);
  });
});
