/** Errors cross IPC, HTTP and worker boundaries as data, never as thrown exceptions. */
export interface ErrorInfo {
  /** Stable machine code: "ENOENT", "EISDIR", "EMPTY", "TOO_LARGE", "NOT_EXECUTABLE", "CANCELLED", "WORKER_CRASHED", ... */
  code: string;
  /** One readable sentence that says what happened and, where possible, what to do. */
  message: string;
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, detail?: string): Result<T> {
  return detail === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, detail } };
}
