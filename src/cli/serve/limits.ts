/**
 * What serve mode holds in memory for requests. Uploads wait in memory until they are analysed, so the total is
 * capped: a browser, a script or a page on another tab cannot make the server grow without bound. Analyses
 * themselves are bounded by the pool (src/host/limits.ts).
 */

const MiB = 1024 * 1024;

/** The largest single upload. */
export const MAX_UPLOAD_BYTES = 1024 * MiB;

/** The largest JSON request (a report sent back for an export). */
export const MAX_JSON_BYTES = 64 * MiB;

/**
 * Bytes held for uploads together: those waiting for their analysis or being analysed, plus those being received.
 * An upload that would pass it is refused with 429 before its body is read.
 */
export const MAX_IN_FLIGHT_BYTES = 1024 * MiB;

/**
 * Bytes of JSON requests being received together. Kept apart from the uploads' budget so that held uploads never
 * block the small calls (run, cancel) that would analyse them and give their bytes back.
 */
export const MAX_JSON_IN_FLIGHT_BYTES = 256 * MiB;
