import { MAX_SUBJECT_LENGTH } from './limits';
import {
  BASELINE_VERSION,
  REASON_PLACEHOLDER,
  type Baseline,
  type BaselineEntry,
  type BaselineSummary,
  type Subject,
  type SubjectState,
  type Suppression,
} from './types';

/** Today as the baseline reads dates: the UTC calendar day. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** An entry suppresses through its `expires` day, and no longer the day after. */
export function isExpired(entry: BaselineEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}

function identity(rule: string, fingerprint: string): string {
  return `${rule} ${fingerprint}`;
}

function suppression(subject: Subject, entry: BaselineEntry): Suppression {
  return {
    ...subject,
    reason: entry.reason,
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
  };
}

/**
 * Matches results against a baseline: each subject's state (in the subjects' order), and the summary. An entry
 * matches every result with its rule and fingerprint, in any of the files of one run.
 */
export function applyBaseline(
  subjects: readonly Subject[],
  baseline: Baseline,
  today: string,
): { states: SubjectState[]; summary: BaselineSummary } {
  const byIdentity = new Map(baseline.entries.map((entry) => [identity(entry.rule, entry.fingerprint), entry]));
  const used = new Set<BaselineEntry>();
  const summary: BaselineSummary = { suppressed: [], expired: [], unused: [] };
  const states = subjects.map((subject): SubjectState => {
    const entry = byIdentity.get(identity(subject.rule, subject.fingerprint));
    if (!entry) return { status: 'open' };
    used.add(entry);
    if (isExpired(entry, today)) {
      summary.expired.push(suppression(subject, entry));
      return { status: 'expired', entry };
    }
    summary.suppressed.push(suppression(subject, entry));
    return { status: 'suppressed', entry };
  });
  for (const entry of baseline.entries)
    if (!used.has(entry)) summary.unused.push({ ...entry, expired: isExpired(entry, today) });
  return { states, summary };
}

/**
 * A baseline accepting every subject: one entry per rule and fingerprint. Reasons and dates an earlier baseline
 * gave the same results are kept, so writing it again after a review loses nothing.
 */
export function baselineFor(subjects: readonly Subject[], previous: Baseline | null): string {
  const kept = new Map((previous?.entries ?? []).map((entry) => [identity(entry.rule, entry.fingerprint), entry]));
  const entries = new Map<string, BaselineEntry>();
  for (const subject of subjects) {
    const key = identity(subject.rule, subject.fingerprint);
    if (entries.has(key)) continue;
    const before = kept.get(key);
    entries.set(key, {
      rule: subject.rule,
      fingerprint: subject.fingerprint,
      subject: subject.subject.slice(0, MAX_SUBJECT_LENGTH),
      reason: before?.reason ?? REASON_PLACEHOLDER,
      ...(before?.expires !== undefined ? { expires: before.expires } : {}),
    });
  }
  const doc = { gobinscopeBaseline: BASELINE_VERSION, entries: [...entries.values()] };
  return JSON.stringify(doc, null, 2) + '\n';
}
