import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The command line as a pipeline runs it: exit code, stdout and stderr. */
export function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A scratch folder for written baselines and SBOMs, and a remover for afterAll. */
export function scratch(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    path: (name: string) => join(dir, name),
    write: (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Entry {
  rule: string;
  fingerprint: string;
  reason: string;
  expires?: string;
  subject?: string;
}

export function readBaseline(path: string): { gobinscopeBaseline: number; entries: Entry[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}
