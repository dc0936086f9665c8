import type { IncomingMessage } from 'node:http';

/** Bytes reserved for requests in flight; a reservation is given back exactly once. */
export class ByteBudget {
  private used = 0;

  /** `holds` names what the bytes are, for the message a refused request gets. */
  constructor(
    readonly limit: number,
    readonly holds = 'files waiting for analysis',
  ) {}

  get held(): number {
    return this.used;
  }

  /** Reserves `bytes`, or returns null when that would pass the limit. */
  reserve(bytes: number): (() => void) | null {
    if (this.used + bytes > this.limit) return null;
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
    };
  }
}

export type Body =
  { ok: true; bytes: Uint8Array; release: () => void } | { ok: false; status: number; code: string; message: string };

const MiB = 1024 * 1024;

function refused(status: number, code: string, message: string): Body {
  return { ok: false, status, code, message };
}

/**
 * Receives a request body into one buffer of the length the request declared, reserved from the budget before a
 * byte is read. A body without a declared length, larger than `limit`, or not fitting the budget is refused without
 * reading it; a body that ends early or runs past its declared length is an error. The caller owns the reservation
 * on success and must call `release` once it no longer holds the bytes.
 */
export async function receiveBody(req: IncomingMessage, limit: number, budget: ByteBudget): Promise<Body> {
  const declared = declaredLength(req);
  if (declared === null)
    return refused(411, 'LENGTH_REQUIRED', 'The request must say how long its body is (Content-Length).');
  if (declared > limit)
    return refused(
      413,
      'TOO_LARGE',
      `The request is ${declared} bytes; serve mode accepts at most ${limit / MiB} MiB in one request.`,
    );
  const release = budget.reserve(declared);
  if (!release)
    return refused(
      429,
      'TOO_MANY_IN_FLIGHT',
      `The server already holds ${Math.ceil(budget.held / MiB)} MiB of ${budget.holds} (at most ` +
        `${Math.floor(budget.limit / MiB)} MiB); try again when some of them are done.`,
    );
  try {
    const result = await fill(req, declared);
    if (!result.ok) release();
    return result.ok ? { ...result, release } : result;
  } catch (error) {
    release();
    throw error;
  }
}

async function fill(req: IncomingMessage, declared: number): Promise<Body> {
  const bytes = new Uint8Array(declared);
  let received = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (received + chunk.length > declared)
        return refused(400, 'TOO_LONG', `The body is longer than the ${declared} bytes it declared.`);
      bytes.set(chunk, received);
      received += chunk.length;
    }
  } catch {
    return refused(400, 'ABORTED', 'The request was cut off before its body arrived.');
  }
  if (received < declared)
    return refused(400, 'INCOMPLETE', `The body ended after ${received} of the ${declared} bytes it declared.`);
  return { ok: true, bytes, release: () => undefined };
}

/** The declared body length: Content-Length, 0 when there is no body at all, null when the length is unknown. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return req.headers['transfer-encoding'] === undefined ? 0 : null;
  return /^\d{1,15}$/.test(header) ? Number(header) : null;
}
