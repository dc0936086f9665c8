import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface Served {
  url: string;
  process: ChildProcess;
}

/** Starts `gobinscope serve` exactly as a user would, and reads its URL from stdout; `env` adds to its environment. */
export async function startServe(files: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, ['bin/gobinscope.mjs', 'serve', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url, process: child };
}

export const test = base.extend<object, { served: Served }>({
  served: [
    // Playwright reads the fixture's dependencies from this destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const served = await startServe();
      await use(served);
      served.process.kill();
    },
    { scope: 'worker' },
  ],
});

/** Drops a real file on the window through a real drag-and-drop event carrying a DataTransfer. */
export async function dropFile(page: Page, path: string, target = 'main'): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ data, name }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
      return transfer;
    },
    { data: base64, name: basename(path) },
  );
  await page.dispatchEvent(target, 'dragenter', { dataTransfer });
  await page.dispatchEvent(target, 'dragover', { dataTransfer });
  await page.dispatchEvent(target, 'drop', { dataTransfer });
}

/** Drops several real files at once (two binaries to compare, a binary and its SBOM): one DataTransfer, one File each. */
export async function dropFiles(page: Page, paths: string[], target = 'main'): Promise<void> {
  const files = paths.map((path) => ({ data: readFileSync(path).toString('base64'), name: basename(path) }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { data, name } of list) {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: 'application/octet-stream' }));
    }
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, type, { dataTransfer });
}

/** Sections as `readelf -SW` printed them when the fixtures were built. */
export function readelfSections(
  truthPath: string,
): { name: string; type: string; address: number; offset: number; size: number; flags: string }[] {
  const rows = [];
  for (const line of readFileSync(truthPath, 'utf8').split('\n')) {
    const m =
      /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s+\d+\s+\d+\s+\d+\s*$/.exec(
        line,
      );
    if (m && m[1] !== '0') {
      rows.push({
        name: m[2]!,
        type: m[3]!,
        address: parseInt(m[4]!, 16),
        offset: parseInt(m[5]!, 16),
        size: parseInt(m[6]!, 16),
        flags: m[7]!,
      });
    }
  }
  return rows;
}
