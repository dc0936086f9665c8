import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventChannel, EventMap } from '../../common/ipc';
import { isInvokeChannel, validArgs } from '../../common/validate';
import { fail } from '../../common/result';
import { AnalysisService } from '../../main/analysis/service';
import { FileRegistry } from '../../main/analysis/files';
import { createServeHandlers } from './handlers';
import { hostAllowed, originAllowed, securityHeaders, tokenMatches } from './security';
import { staticFile } from './static';

const MAX_UPLOAD = 1024 * 1024 * 1024;
const MAX_JSON = 64 * 1024 * 1024;

export interface ServeOptions {
  port: number;
  files: string[];
  rendererDir: string;
  workerUrl: URL;
  token?: string;
  /** The vulnerability database per job (--vulndb, else the default one); null for none. */
  vulnDb?: () => string | null;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serve mode: the renderer and the typed contract over loopback HTTP, guarded by a per-run token. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const registry = new FileRegistry(false);
  const initial = options.files.map((path) => registry.register(path));
  const service = new AnalysisService(options.workerUrl, options.vulnDb);
  const clients = new Set<ServerResponse>();
  const emit = <E extends EventChannel>(channel: E, payload: EventMap[E]): void => {
    const data = `event: message\ndata: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const client of clients) client.write(data);
  };
  const handlers = createServeHandlers({ service, registry, initial, emit });
  let port = 0;
  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    if (!hostAllowed(req, port) || !originAllowed(req, port))
      return send(res, 403, { error: 'forbidden host or origin' });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const [, given = '', ...rest] = url.pathname.split('/');
    if (!tokenMatches(given, token)) return send(res, 403, { error: 'missing or wrong token' });
    const path = rest.join('/');
    if (path === 'api/events' && req.method === 'GET') return openEvents(res, clients);
    if (path === 'api/upload' && req.method === 'POST') {
      const body = await readBody(req, MAX_UPLOAD);
      if (!body) return send(res, 413, fail('TOO_LARGE', 'The file is larger than serve mode accepts (1 GiB).'));
      const name = (url.searchParams.get('name') ?? 'upload').slice(0, 255);
      return send(res, 200, { ok: true, value: { kind: 'upload', id: registry.addUpload(name, body) } });
    }
    if (path.startsWith('api/invoke/') && req.method === 'POST') return invoke(req, res, path.slice(11));
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' });
    const file = await staticFile(options.rendererDir, path === '' ? 'index.html' : path);
    if (!file) return send(res, 404, { error: 'not found' });
    res.writeHead(200, { 'Content-Type': file.type }).end(file.body);
  }
  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (!isInvokeChannel(channel)) return send(res, 404, { error: 'unknown channel' });
    const body = await readBody(req, MAX_JSON);
    let args: unknown;
    try {
      args = JSON.parse(new TextDecoder().decode(body ?? new Uint8Array()));
    } catch {
      return send(res, 400, fail('BAD_REQUEST', 'The request body is not JSON.'));
    }
    if (!Array.isArray(args) || !validArgs(channel, args))
      return send(res, 400, fail('BAD_ARGS', `Invalid arguments for ${channel}.`));
    send(res, 200, await handlers.handle(channel, args));
  }
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    close: async () => {
      for (const client of clients) client.end();
      await service.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function openEvents(res: ServerResponse, clients: Set<ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  clients.add(res);
  res.on('close', () => clients.delete(res));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  const joined = Buffer.concat(chunks);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}
