/** A baseline lists accepted results, not a corpus: these bound what a hostile or mistaken file costs to read. */
export const MAX_BASELINE_BYTES = 8 * 1024 * 1024;
export const MAX_BASELINE_ENTRIES = 50_000;
export const MAX_RULE_LENGTH = 200;
export const MAX_REASON_LENGTH = 4_000;
export const MAX_SUBJECT_LENGTH = 1_000;
/** Hex digits of SHA-256 kept in a fingerprint: 64 bits, plenty to tell apart the results of one project. */
export const FINGERPRINT_HEX_DIGITS = 16;
