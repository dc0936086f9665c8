/**
 * The analysis pool's limits, shared by the desktop app and serve mode. An analysis holds about twice its input in
 * memory (a 2 GiB − 1 byte file peaked at 4.3 GB RSS in `gobinscope analyze`), so the pool bounds both how many run
 * at once and how many input bytes they hold together.
 */

/** The most analyses that run at once, whatever the core count. */
export const MAX_WORKERS = 4;

/** Input bytes the running analyses may hold together. A single job larger than this still runs, but alone. */
export const MAX_RUNNING_INPUT_BYTES = 3 * 1024 * 1024 * 1024;

/** Jobs that may wait for a worker; one more is refused as busy instead of piling up. */
export const MAX_QUEUED_JOBS = 32;

/** Uploads (serve mode) held at once; a new one beyond this drops the oldest. */
export const MAX_UPLOADS = 16;

/** An upload nobody asked to analyse within this time is dropped (the page that sent it went away). */
export const UPLOAD_TTL_MS = 5 * 60 * 1000;

/** One core stays free for the window or the server's event loop; at least one worker, at most MAX_WORKERS. */
export function poolSizeFor(cores: number): number {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores) - 1));
}

/** The most bytes one look at a file's bytes returns (the hex view around an offset); checked with the arguments. */
export { MAX_BYTE_WINDOW } from '../common/validate';

/** Uploaded bytes kept after their analysis, for the hex view; older jobs' uploads are forgotten beyond this. */
export const MAX_KEPT_UPLOAD_BYTES = 512 * 1024 * 1024;
