import { describe, expect, it } from 'vitest';
import { bareReport } from '../../../../core/findings/testing/synthetic-exe';
import { groupStatus } from '../../../../core/report/area-status';
import type { Finding, Verdict } from '../../../../core/report/types';
import { verdictCards } from './VerdictCards';

// Reports built by hand: the statuses themselves are held to readelf truth in src/core/report/area-status.test.ts;
// here, that each card shows the status it is given, says what set it, and is grey when nothing was checked.
const check = (id: string, status: Verdict['status'], value: string): Verdict => ({
  id,
  group: 'hardening',
  label: id.toUpperCase(),
  status,
  value,
  reason: '',
});
const finding = (id: string, severity: Finding['severity']): Finding => ({
  id,
  kind: 'hardening',
  severity,
  title: `Finding ${id}`,
  description: '',
  evidence: [],
  remediation: '',
});

describe('verdict cards', () => {
  it('mark a packed file red, and amber once it was unpacked in memory', () => {
    const packed = { packer: 'UPX', version: '4.24', evidence: 'UPX! marker' };
    const card = (unpacked: boolean) =>
      verdictCards(bareReport({ format: 'elf', packed: { ...packed, unpacked } })).find((c) => c.id === 'packing')!;
    expect(card(false)).toMatchObject({ tone: 'bad', value: 'UPX 4.24' });
    expect(card(true)).toMatchObject({ tone: 'warn', value: 'UPX 4.24, unpacked' });
  });

  it('show the shared status and name what set it', () => {
    const report = bareReport({
      format: 'elf',
      verdicts: [check('pie', 'fail', 'no'), check('nx', 'pass', 'yes')],
      findings: [finding('hardening.no-relro', 'medium')],
    });
    const hardening = verdictCards(report).find((c) => c.id === 'hardening')!;
    expect(groupStatus(report, 'hardening').status).toBe('warn');
    expect(hardening.tone).toBe('warn');
    expect(hardening.because).toBe('Finding hardening.no-relro (medium)');
    const findings = verdictCards(report).find((c) => c.id === 'findings')!;
    expect(findings.value).toBe('1 total · 1 medium');
  });

  it('are grey, not green, when every check is n/a or the file is no executable', () => {
    const report = bareReport({ format: 'unknown', verdicts: [check('canary', 'n/a', 'not applicable')] });
    const cards = verdictCards(report);
    expect(cards.find((c) => c.id === 'hardening')!.tone).toBe('neutral');
    expect(cards.filter((c) => c.tone === 'good').map((c) => c.id)).toEqual([]);
  });
});
