/**
 * Baselines: accepted findings and discrepancies, with reasons and optional expiry dates, matched by fingerprints
 * that survive a rebuild. Pure: bytes in, plain data out.
 */
export type * from './types';
export { BASELINE_VERSION, REASON_PLACEHOLDER } from './types';
export { MAX_BASELINE_BYTES, MAX_BASELINE_ENTRIES } from './limits';
export { BaselineError, isCalendarDate, parseBaseline } from './parse';
export { applyBaseline, baselineFor, isExpired, utcDate } from './apply';
export { DISCREPANCY_RULE_PREFIX, discrepancySubjects, findingSubjects } from './fingerprint';
