// Loads fixture binaries and the ground truth captured by test/fixtures/build.sh from tools that are not ours.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(fileURLToPath(import.meta.url));
export const fixturesDir = join(root, 'fixtures');
export const binDir = join(fixturesDir, 'bin');
export const truthDir = join(fixturesDir, 'truth');
export const esbuildPath = join(root, '..', 'node_modules', '@esbuild', 'linux-x64', 'bin', 'esbuild');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(binDir, name)));
}

export function truth(name: string): string {
  return readFileSync(join(truthDir, name), 'utf8');
}

export function hasTruth(name: string): boolean {
  return existsSync(join(truthDir, name));
}

export function esbuildBinary(): Uint8Array {
  return new Uint8Array(readFileSync(esbuildPath));
}

/** Every committed fixture binary, by name. */
export const FIXTURES = [
  'linux-amd64',
  'linux-amd64-sw',
  'linux-amd64-strip',
  'linux-amd64-trimpath',
  'linux-amd64-pie',
  'linux-amd64-xvars',
  'linux-amd64-cgo',
  'linux-386',
  'linux-arm',
  'linux-s390x',
  'linux-mips',
  'windows-amd64.exe',
  'windows-386.exe',
  'darwin-amd64',
  'darwin-arm64',
  'darwin-fat',
  'leaky-linux-amd64',
] as const;

/** One `go tool nm`/`nm` line: address, type letter, name. */
export interface NmEntry {
  address: number;
  type: string;
  name: string;
}

export function parseNm(text: string): NmEntry[] {
  const out: NmEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([0-9a-f]+)?\s+(\S)\s+(.+)$/.exec(line);
    if (m) out.push({ address: m[1] ? parseInt(m[1], 16) : 0, type: m[2]!, name: m[3]! });
  }
  return out;
}

/** Functions recovered by Go's own debug/gosym (truth/<name>.funcs.tsv): entry, size, name, file. */
export function gosymFuncs(name: string): { entry: number; size: number; name: string; file: string }[] {
  return truth(`${name}.funcs.tsv`)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [entry, size, fn, file] = line.split('\t');
      return { entry: parseInt(entry!, 16), size: Number(size), name: fn!, file: file! };
    });
}
