/**
 * A baseline: the findings (scan) or discrepancies (reconcile) a team has looked at and accepted, each with the
 * reason, so a pipeline fails only on what is new. docs/baseline.md describes the file.
 */

/** The value of the file's "gobinscopeBaseline" key: the version of this format. */
export const BASELINE_VERSION = 1;

/** What --write-baseline puts in `reason`, for the person who reviews the file to replace. */
export const REASON_PLACEHOLDER = 'TODO: say why this is accepted';

export interface BaselineEntry {
  /** Finding id ("secret.github-token") or "reconcile." and the discrepancy kind ("reconcile.not-in-binary"). */
  rule: string;
  /** 16 hex digits; see fingerprint.ts for what goes into it. */
  fingerprint: string;
  /** Why the result is accepted; shown with every result the entry suppresses. */
  reason: string;
  /** Last day (UTC, YYYY-MM-DD) the entry suppresses; after it the result counts again. */
  expires?: string;
  /** What the entry was written for, masked, for the person reading the file; never matched. */
  subject?: string;
}

export interface Baseline {
  entries: BaselineEntry[];
}

/** One result a baseline may suppress: a finding or a discrepancy, with its fingerprint. */
export interface Subject {
  rule: string;
  fingerprint: string;
  /** A short masked description: "GitHub token: ghp_…0000". */
  subject: string;
}

/** A result and the entry that matched it. */
export interface Suppression extends Subject {
  reason: string;
  expires?: string;
}

export type SubjectState =
  | { status: 'open' }
  | { status: 'suppressed'; entry: BaselineEntry }
  /** Matched by an entry whose date has passed: the result counts as if no entry named it. */
  | { status: 'expired'; entry: BaselineEntry };

/** What a baseline did to one run: the results it suppressed, the expired entries that matched, the unused ones. */
export interface BaselineSummary {
  suppressed: Suppression[];
  expired: Suppression[];
  /** Entries that matched no result (expired or not): the result is fixed, or the entry is wrong. */
  unused: (BaselineEntry & { expired: boolean })[];
}
