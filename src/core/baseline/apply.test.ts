import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineFor, isExpired, utcDate } from './apply';
import { parseBaseline } from './parse';
import { REASON_PLACEHOLDER, type BaselineEntry, type Subject } from './types';

// Expectations are the baseline rules docs/baseline.md states: an entry suppresses through its expires day, an
// expired entry no longer suppresses, an entry that matches nothing is unused.
const subject = (rule: string, fingerprint: string): Subject => ({ rule, fingerprint, subject: `${rule} thing` });
const TOKEN = subject('secret.github-token', '1111111111111111');
const HOST = subject('leak.internal-host', '2222222222222222');
const entry = (s: Subject, fields: Partial<BaselineEntry> = {}): BaselineEntry => ({
  rule: s.rule,
  fingerprint: s.fingerprint,
  reason: 'fake value in a test fixture',
  ...fields,
});

describe('applyBaseline', () => {
  it('suppresses a matched result, leaves the others open, reports unused entries', () => {
    const stale = entry(subject('residue.symtab', '3333333333333333'));
    const { states, summary } = applyBaseline([TOKEN, HOST], { entries: [entry(TOKEN), stale] }, '2026-12-02');
    expect(states.map((state) => state.status)).toEqual(['suppressed', 'open']);
    expect(summary.suppressed).toEqual([{ ...TOKEN, reason: 'fake value in a test fixture' }]);
    expect(summary.expired).toEqual([]);
    expect(summary.unused).toEqual([{ ...stale, expired: false }]);
  });

  it('needs rule and fingerprint both', () => {
    const otherRule = { ...entry(TOKEN), rule: 'secret.gitlab-token' };
    expect(applyBaseline([TOKEN], { entries: [otherRule] }, '2026-12-02').states[0]?.status).toBe('open');
  });

  it('an entry holds through its expires day and lapses the day after', () => {
    const baseline = { entries: [entry(TOKEN, { expires: '2026-12-02' })] };
    expect(applyBaseline([TOKEN], baseline, '2026-12-02').states[0]?.status).toBe('suppressed');
    const after = applyBaseline([TOKEN], baseline, '2026-12-03');
    expect(after.states[0]?.status).toBe('expired');
    expect(after.summary.expired).toEqual([
      { ...TOKEN, reason: 'fake value in a test fixture', expires: '2026-12-02' },
    ]);
    expect(after.summary.unused).toEqual([]);
  });

  it('an expired entry that matches nothing is unused and says it has expired', () => {
    const { summary } = applyBaseline([], { entries: [entry(TOKEN, { expires: '2020-01-01' })] }, '2026-12-02');
    expect(summary.unused).toMatchObject([{ rule: TOKEN.rule, expired: true }]);
  });

  it('one entry covers the same result in several files', () => {
    const { states } = applyBaseline([TOKEN, TOKEN], { entries: [entry(TOKEN)] }, '2026-12-02');
    expect(states.map((state) => state.status)).toEqual(['suppressed', 'suppressed']);
  });
});

describe('dates', () => {
  it('today is the UTC day', () => {
    expect(utcDate(new Date('2026-12-01T23:59:59-05:00'))).toBe('2026-12-02');
    expect(isExpired(entry(TOKEN), '2999-01-01')).toBe(false);
  });
});

describe('baselineFor', () => {
  it('writes one entry per result with the placeholder reason, and reads back', () => {
    const text = baselineFor([TOKEN, HOST, TOKEN], null);
    const read = parseBaseline(new TextEncoder().encode(text));
    expect(read.entries).toEqual([
      { ...entry(TOKEN), subject: TOKEN.subject, reason: REASON_PLACEHOLDER },
      { ...entry(HOST), subject: HOST.subject, reason: REASON_PLACEHOLDER },
    ]);
  });

  it('keeps the reasons and dates of an earlier baseline, drops what no longer occurs', () => {
    const previous = { entries: [entry(TOKEN, { expires: '2027-06-30' }), entry(subject('x.y', 'ffffffffffffffff'))] };
    const read = parseBaseline(new TextEncoder().encode(baselineFor([TOKEN], previous)));
    expect(read.entries).toEqual([{ ...entry(TOKEN, { expires: '2027-06-30' }), subject: TOKEN.subject }]);
  });
});
