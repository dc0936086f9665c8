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
 * Bytes held for requests together: uploads not yet analysed or being analysed, plus every body being received.
 * A request that would pass it is refused with 429 before its body is read.
 */
export const MAX_IN_FLIGHT_BYTES = 1024 * MiB;
