import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A file under `root`, or null for anything outside it (no traversal) or missing. */
export async function staticFile(rootDir: string, relative: string): Promise<{ body: Buffer; type: string } | null> {
  const root = resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const target = resolve(root, '.' + sep + decoded);
  if (target !== root && !target.startsWith(root + sep)) return null;
  try {
    const body = await readFile(target);
    return { body, type: TYPES[extname(target)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
