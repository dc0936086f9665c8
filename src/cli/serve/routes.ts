import type { IncomingMessage, ServerResponse } from 'node:http';
import { isInvokeChannel, validArgs } from '../../common/validate';
import { fail, ok } from '../../common/result';
import type { FileRegistry } from '../../host/files';
import { receiveBody, type Body, type ByteBudget } from './body';
import type { createServeHandlers } from './handlers';
import { MAX_JSON_BYTES, MAX_UPLOAD_BYTES } from './limits';
import { hostAllowed, hostHeaderCount, originAllowed, securityHeaders, tokenMatches } from './security';
import { staticFile } from './static';

/** Results that mean "the server is full right now" are sent with 429 so scripts can back off. */
const BUSY_CODES = new Set(['QUEUE_FULL']);

export interface RouteContext {
  token: string;
  port: () => number;
  rendererDir: string;
  registry: FileRegistry;
  /** What uploads hold until analysed (MAX_IN_FLIGHT_BYTES). */
  uploadBudget: ByteBudget;
  /** What JSON bodies hold while received (MAX_JSON_IN_FLIGHT_BYTES). */
  jsonBudget: ByteBudget;
  handlers: ReturnType<typeof createServeHandlers>;
  openEvents: (res: ServerResponse) => void;
}

/** Serve mode's HTTP surface: checks every request, then the token-guarded API and the built renderer. */
export function createRoutes(ctx: RouteContext) {
  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    const port = ctx.port();
    if (hostHeaderCount(req) !== 1) return send(res, 400, { error: 'a request must carry exactly one Host header' });
    if (!hostAllowed(req, port) || !originAllowed(req, port))
      return send(res, 403, { error: 'forbidden host or origin' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const [, given = '', ...rest] = url.pathname.split('/');
    if (!tokenMatches(given, ctx.token)) return send(res, 403, { error: 'missing or wrong token' });
    const path = rest.join('/');
    if (path === 'api/events' && req.method === 'GET') return ctx.openEvents(res);
    if (path === 'api/upload' && req.method === 'POST') return upload(ctx, req, res, url);
    if (path.startsWith('api/invoke/') && req.method === 'POST') return invoke(ctx, req, res, path.slice(11));
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    const file = await staticFile(ctx.rendererDir, path === '' ? 'index.html' : path);
    if (!file) return send(res, 404, { error: 'not found' });
    res.writeHead(200, { 'Content-Type': file.type }).end(file.body);
  };
}

async function upload(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const body = await receiveBody(req, MAX_UPLOAD_BYTES, ctx.uploadBudget);
  if (!body.ok) return refuse(req, res, body);
  const name = (url.searchParams.get('name') ?? 'upload').slice(0, 255);
  // The upload keeps its share of the budget until its analysis ends or it is dropped unanalysed.
  send(res, 200, ok({ kind: 'upload', id: ctx.registry.addUpload(name, body.bytes, body.release) }));
}

async function invoke(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
  if (!isInvokeChannel(channel)) return send(res, 404, { error: 'unknown channel' });
  const body = await receiveBody(req, MAX_JSON_BYTES, ctx.jsonBudget);
  if (!body.ok) return refuse(req, res, body);
  let args: unknown;
  try {
    args = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return send(res, 400, fail('BAD_REQUEST', 'The request body is not JSON.'));
  } finally {
    body.release();
  }
  if (!Array.isArray(args) || !validArgs(channel, args))
    return send(res, 400, fail('BAD_ARGS', `Invalid arguments for ${channel}.`));
  const result: unknown = await ctx.handlers.handle(channel, args);
  send(res, isBusy(result) ? 429 : 200, result);
}

function isBusy(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('ok' in result) || result.ok !== false) return false;
  const error = (result as { error?: { code?: unknown } }).error;
  return typeof error?.code === 'string' && BUSY_CODES.has(error.code);
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** How long a refused upload may go on sending the body nobody reads before the connection is closed. */
const LINGER_MS = 10_000;

/**
 * Answers a refused body. A body that broke off midway closes the connection. One that was never read (411, 413,
 * 429) is read and thrown away for a while after the answer, even when the client asked to close the connection:
 * closing at once would reset the connection under a client still sending, and it would never see the answer.
 */
function refuse(req: IncomingMessage, res: ServerResponse, body: Extract<Body, { ok: false }>): void {
  if (body.status === 400) {
    res.setHeader('Connection', 'close');
    return send(res, body.status, fail(body.code, body.message));
  }
  res.setHeader('Connection', 'keep-alive');
  res.on('finish', () => {
    if (req.complete) return;
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    req.once('close', () => clearTimeout(linger));
    req.once('end', () => clearTimeout(linger));
  });
  send(res, body.status, fail(body.code, body.message));
}
