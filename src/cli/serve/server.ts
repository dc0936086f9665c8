import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventChannel, EventMap } from '../../common/ipc';
import type { AdmissionLimits } from '../../host/admission';
import { FileRegistry } from '../../host/files';
import { AnalysisService } from '../../host/service';
import { VerificationService } from '../../host/verification';
import { ByteBudget } from './body';
import { createServeHandlers } from './handlers';
import { MAX_IN_FLIGHT_BYTES, MAX_JSON_IN_FLIGHT_BYTES } from './limits';
import { createRoutes, send } from './routes';

export interface ServeOptions {
  port: number;
  files: string[];
  rendererDir: string;
  workerUrl: URL;
  token?: string;
  /** The analysis pool's limits; by default those of this machine (src/host/limits.ts). */
  pool?: AdmissionLimits;
  /** Bytes uploads may hold together; MAX_IN_FLIGHT_BYTES by default. */
  inFlightBytes?: number;
  /** The vulnerability database per job (--vulndb, else the default one); null for none. */
  vulnDb?: () => string | null;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve mode: the renderer and the typed contract over loopback HTTP, guarded by a per-run token. Analyses run in
 * the same bounded pool as the desktop app's; uploads share one in-flight byte budget, JSON bodies another.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const registry = new FileRegistry(false);
  const initial = options.files.map((path) => registry.register(path));
  const service = new AnalysisService(options.workerUrl, options.pool, options.vulnDb);
  // The check's worker is built next to the analysis worker (out/cli/verify-worker.mjs).
  const verifier = new VerificationService(new URL('verify-worker.mjs', options.workerUrl));
  const clients = new Set<ServerResponse>();
  const emit = <E extends EventChannel>(channel: E, payload: EventMap[E]): void => {
    const data = `event: message\ndata: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const client of clients) client.write(data);
  };
  const handlers = createServeHandlers({ service, registry, initial, emit, vulnDb: options.vulnDb, verifier });
  let port = 0;
  const route = createRoutes({
    token,
    port: () => port,
    rendererDir: options.rendererDir,
    registry,
    uploadBudget: new ByteBudget(options.inFlightBytes ?? MAX_IN_FLIGHT_BYTES),
    jsonBudget: new ByteBudget(MAX_JSON_IN_FLIGHT_BYTES, 'requests being received'),
    handlers,
    openEvents: (res) => openEvents(res, clients),
  });
  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    close: async () => {
      for (const client of clients) client.end();
      await service.dispose();
      await verifier.dispose();
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
