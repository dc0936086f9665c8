import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type ParsedArgs } from '../args';
import type { Command } from '../commands/types';
import { startServer } from './server';

/** `gobinscope serve`: runs until interrupted; returns -1 so the process stays alive. */
async function serve(args: ParsedArgs): Promise<number> {
  const rawPort = args.flags.get('port');
  const port = rawPort === undefined ? 0 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new UsageError('the renderer is not built: run `npm run build` first');
  }
  const files = args.positionals.map((file) => resolve(file));
  const server = await startServer({ port, files, rendererDir, workerUrl: new URL('./worker.mjs', import.meta.url) });
  process.stdout.write(`Gobinscope is serving on ${server.url}\nOpen it in a browser on this machine; Ctrl+C stops it.\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

export const serveCommand: Command = {
  usage: 'gobinscope serve [FILE...] [--port N]   the app in a local browser, for machines without Electron',
  valued: ['port'],
  run: serve,
};
