import type { BaselineSummary, Subject, SubjectState } from '../baseline/types';

/**
 * A baseline in SARIF 2.1.0 terms (result.suppressions, the suppression object): an accepted entry is an
 * external suppression with status "accepted", which viewers hide; an expired entry is kept as "rejected", which
 * viewers show again, so the reason stays next to the result that is back. Entries that matched nothing are the
 * invocation's toolConfigurationNotifications, warnings about the baseline file rather than about the binary.
 */

/** The fingerprint's name in result.fingerprints: versioned, so a later way of computing it gets a new name. */
export const FINGERPRINT_NAME = 'gobinscope/v1';

/** The results of one run (one file) as the baseline left them, in the run's result order. */
export interface SarifBaseline {
  subjects: readonly Subject[];
  states: readonly SubjectState[];
}

/** The properties a result gets from the baseline: its fingerprint, and its suppression when an entry names it. */
export function baselineResultFields(baseline: SarifBaseline | undefined, index: number): object {
  const subject = baseline?.subjects[index];
  if (!subject) return {};
  const fields: Record<string, unknown> = { fingerprints: { [FINGERPRINT_NAME]: subject.fingerprint } };
  const state = baseline.states[index];
  if (state?.status === 'suppressed') {
    fields.suppressions = [{ kind: 'external', status: 'accepted', justification: state.entry.reason }];
  } else if (state?.status === 'expired') {
    const justification = `${state.entry.reason} (baseline entry expired ${state.entry.expires ?? ''})`;
    fields.suppressions = [{ kind: 'external', status: 'rejected', justification }];
  }
  return fields;
}

/** An invocation carrying one warning per unused baseline entry; null when every entry matched. */
export function baselineInvocation(summary: BaselineSummary): object | null {
  if (summary.unused.length === 0) return null;
  const notifications = summary.unused.map((entry) => ({
    level: 'warning',
    descriptor: { id: 'baseline.unused-entry' },
    message: {
      text:
        `Baseline entry ${entry.rule} ${entry.fingerprint}${entry.subject ? ` (${entry.subject})` : ''} ` +
        `matched nothing${entry.expired ? ' and has expired' : ''}: remove it, or check the rule and fingerprint.`,
    },
  }));
  return { executionSuccessful: true, toolConfigurationNotifications: notifications };
}
