import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import type { ReconcileItem } from '../sbom/types';
import { discrepancySubjects, findingSubjects } from './fingerprint';

// What a fingerprint must and must not depend on (docs/baseline.md): the rule and the masked value, never the
// offset, sizes or build IDs that change when the same code is built again.
const finding = (fields: Partial<Finding> & Pick<Finding, 'id' | 'kind'>): Finding => ({
  severity: 'high',
  title: 'A finding',
  description: '',
  remediation: '',
  evidence: [],
  ...fields,
});
const at = (value: string, offset: number) => ({ section: '.rodata', offset, value });
const print = async (findings: Finding[]) => (await findingSubjects(findings)).map((s) => s.fingerprint);

describe('finding fingerprints', () => {
  it('are 16 hex digits, the same when the offset moves, different for another value or rule', async () => {
    const [a, moved, other, otherRule] = await print([
      finding({ id: 'secret.github-token', kind: 'secret', evidence: [at('ghp_…0000', 0x7be6f)] }),
      finding({ id: 'secret.github-token', kind: 'secret', evidence: [at('ghp_…0000', 0x91460)] }),
      finding({ id: 'secret.github-token', kind: 'secret', evidence: [at('gho_…1111', 0x7be47)] }),
      finding({ id: 'secret.gitlab-token', kind: 'secret', evidence: [at('ghp_…0000', 0x7be6f)] }),
    ]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    // Two findings with the same mask are told apart by their rank; alone, the moved one prints as the first.
    expect(moved).not.toBe(a);
    const [alone] = await print([
      finding({ id: 'secret.github-token', kind: 'secret', evidence: [at('ghp_…0000', 0x91460)] }),
    ]);
    expect(alone).toBe(a);
    expect(new Set([a, other, otherRule]).size).toBe(3);
  });

  it('residue and hardening findings ignore their values (sizes, build IDs)', async () => {
    const buildId = (value: string) => finding({ id: 'residue.build-id', kind: 'residue', evidence: [at(value, 0)] });
    const [first] = await print([buildId('IGDMBu59GsP8/Ov7KcMF')]);
    const [rebuilt] = await print([buildId('LQecaOSR2dZW/UQhZhv7')]);
    expect(rebuilt).toBe(first);
  });

  it('a vulnerability is named by its module, not the version linked', async () => {
    const vuln = (value: string) =>
      finding({ id: 'vuln.GO-2023-1234', kind: 'vulnerability', evidence: [at(value, 0)] });
    const [old] = await print([vuln('golang.org/x/net@v0.7.0')]);
    const [newer] = await print([vuln('golang.org/x/net@v0.8.0')]);
    const [other] = await print([vuln('golang.org/x/text@v0.7.0')]);
    expect(newer).toBe(old);
    expect(other).not.toBe(old);
  });

  it('the subject reads as the finding does', async () => {
    const [s] = await findingSubjects([
      finding({ id: 'leak.email', kind: 'leak', title: 'E-mail address', evidence: [at('bot@example.corp', 1)] }),
    ]);
    expect(s).toMatchObject({ rule: 'leak.email', subject: 'E-mail address: bot@example.corp' });
  });
});

describe('discrepancy fingerprints', () => {
  it('name the kind and module, not the versions either side gives', async () => {
    const item = (sbomVersion: string): ReconcileItem => ({
      kind: 'version-mismatch',
      module: 'stdlib',
      explanation: '',
      severity: 'error',
      binary: { version: '1.19.8', sum: '' },
      sbom: { version: sbomVersion, purl: '', hash: '' },
    });
    const [a] = await discrepancySubjects([item('1.19.2')]);
    const [b] = await discrepancySubjects([item('1.19.3')]);
    expect(a?.rule).toBe('reconcile.version-mismatch');
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });
});
