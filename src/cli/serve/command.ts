import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type ParsedArgs } from '../args';
import type { Command } from '../commands/types';
import { defaultVulnDbPath } from '../../host/vulndb-store';
import { startServer } from './server';

/**
 * The built renderer (out/renderer) and worker (out/cli/worker.mjs). This module may sit in out/cli or in a chunk
 * folder below it, so both places are tried.
 */
function builtPaths(): { rendererDir: string; workerUrl: URL } {
  for (const up of ['../', '../../']) {
    const rendererDir = fileURLToPath(new URL(`${up}renderer/`, import.meta.url));
    const workerUrl = new URL(`${up}cli/worker.mjs`, import.meta.url);
    if (existsSync(resolve(rendererDir, 'index.html')) && existsSync(fileURLToPath(workerUrl)))
      return { rendererDir, workerUrl };
  }
  throw new UsageError('the app is not built: run `npm run build` first');
}

/** `gobinscope serve`: runs until interrupted; returns -1 so the process stays alive. */
async function serve(args: ParsedArgs): Promise<number> {
  const rawPort = args.flags.get('port');
  const port = rawPort === undefined ? 0 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port takes a number from 0 to 65535');
  const { rendererDir, workerUrl } = builtPaths();
  const files = args.positionals.map((file) => resolve(file));
  const flag = args.flags.get('vulndb');
  if (flag === true) throw new UsageError('--vulndb needs a path');
  if (flag !== undefined && !existsSync(flag)) throw new UsageError(`vulnerability database ${flag} does not exist`);
  const vulnDb = flag === undefined ? () => defaultVulnDbPath() : () => resolve(flag);
  const server = await startServer({ port, files, rendererDir, workerUrl, vulnDb });
  process.stdout.write(
    `Gobinscope is serving on ${server.url}\nOpen it in a browser on this machine; Ctrl+C stops it.\n`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

export const serveCommand: Command = {
  usage:
    'gobinscope serve [FILE...] [--port N] [--vulndb PATH]   the app in a local browser, for machines without Electron',
  valued: ['port', 'vulndb'],
  booleans: [],
  run: serve,
};
