import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturesDir, truth } from '../../../test/fixtures';
import { FormatError } from '../io/errors';
import { parseSbom, reconcile } from './index';
import { reportFromGoVersion } from './test-support';
import { fuzzOptions } from '../../../test/fuzz';

/** Seeded so CI runs the same cases every time; `npm run fuzz` is the long run (test/fuzz.ts). */
const { seed: SEED, numRuns: RUNS } = fuzzOptions(400, 20_240_501);
const MAX_MS_PER_CASE = 250;

const SEED_NAMES = [
  'hello.cdx-1.4.json',
  'hello.cdx-1.6.json',
  'hello.cdx-1.6.xml',
  'hello.spdx-2.3.json',
  'hello.cdx-1.7.xml',
  'hello.spdx-2.3.spdx',
  'hello.spdx-3.0.json',
];
const SEEDS = SEED_NAMES.map((name) => new Uint8Array(readFileSync(join(fixturesDir, 'sbom', name))));
const seedBytes = (name: string) => SEEDS[SEED_NAMES.indexOf(name)] as Uint8Array;
// The same documents as UTF-16 with a byte-order mark (LE, then BE), so mutations reach the decoding paths too.
for (const seed of SEEDS.slice(1, 3)) {
  const le = Buffer.from('\ufeff' + new TextDecoder().decode(seed), 'utf16le');
  SEEDS.push(new Uint8Array(le), new Uint8Array(Buffer.from(le).swap16()));
}
/** Bytes that matter to JSON and XML structure, so mutations reach the parsers' error paths. */
const STRUCTURAL = [...'{}[]<>/"\'&;:,!=?#%\\0-9 '].map((char) => char.charCodeAt(0)).concat([0x00, 0xff, 0xc3]);

type Mutation = {
  kind: 'flip' | 'structural' | 'delete' | 'duplicate' | 'truncate';
  at: number;
  span: number;
  value: number;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'structural', 'delete', 'duplicate', 'truncate'),
  at: fc.nat(),
  span: fc.integer({ min: 1, max: 64 }),
  value: fc.nat(255),
});

function mutate(input: Uint8Array, change: Mutation): Uint8Array {
  const at = change.at % Math.max(1, input.length);
  const end = Math.min(input.length, at + change.span);
  switch (change.kind) {
    case 'flip': {
      const out = input.slice();
      out[at] = (out[at] ?? 0) ^ (1 << (change.value % 8));
      return out;
    }
    case 'structural': {
      const out = input.slice();
      out[at] = STRUCTURAL[change.value % STRUCTURAL.length] as number;
      return out;
    }
    case 'delete':
      return new Uint8Array([...input.subarray(0, at), ...input.subarray(end)]);
    case 'duplicate':
      return new Uint8Array([...input.subarray(0, end), ...input.subarray(at, end), ...input.subarray(end)]);
    case 'truncate':
      return input.slice(0, at);
  }
}

const report = reportFromGoVersion(truth('linux-amd64.goversion.txt'));

/** parseSbom, then reconcile what parsed; tallies the outcome. Anything but a FormatError propagates. */
function outcomeOf(input: Uint8Array, outcomes: Record<'parsed' | 'none' | 'formatError', number>): void {
  const start = performance.now();
  try {
    const sbom = parseSbom(input);
    if (sbom) {
      reconcile(report, sbom);
      outcomes.parsed++;
    } else outcomes.none++;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    expect(error.offset).toBeGreaterThanOrEqual(0);
    outcomes.formatError++;
  }
  expect(performance.now() - start).toBeLessThan(MAX_MS_PER_CASE);
}

/** Every value in a JSON document with the path to it, so one can be swapped for a value of another type. */
function valuePaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      valuePaths(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function replaceAt(document: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = replacement;
  return copy;
}

describe('fuzz: mutated SBOM fixtures', () => {
  it(`give a Sbom, null or a FormatError, never another exception (seed ${SEED}, ${RUNS} runs)`, () => {
    const outcomes = { parsed: 0, none: 0, formatError: 0 };
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, changes) => {
        outcomeOf(changes.reduce(mutate, SEEDS[which] as Uint8Array), outcomes);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fuzz outcomes: ${JSON.stringify(outcomes)}`);
    // The mutations must reach both the happy path and the error paths, or the test proves little.
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.formatError).toBeGreaterThan(0);
  });

  it(`survive a value of the wrong type anywhere in the JSON (seed ${SEED}, ${RUNS} runs)`, () => {
    const documents = ['hello.cdx-1.4.json', 'hello.cdx-1.6.json', 'hello.spdx-2.3.json', 'hello.spdx-3.0.json']
      .map(seedBytes)
      .map((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as unknown);
    const paths = documents.map((document) => valuePaths(document));
    const outcomes = { parsed: 0, none: 0, formatError: 0 };
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (which, pick, replacement) => {
        const candidates = paths[which] as (string | number)[][];
        const mutated = replaceAt(
          documents[which],
          candidates[pick % candidates.length] as (string | number)[],
          replacement,
        );
        outcomeOf(new TextEncoder().encode(JSON.stringify(mutated)), outcomes);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`typed fuzz outcomes: ${JSON.stringify(outcomes)}`);
    expect(outcomes.formatError).toBeGreaterThan(0);
  });

  // The mixed run above draws its seed at random; each newer reader also gets a run of its own, so its happy path
  // and its error paths are both reached whatever the draw.
  it.each(['hello.cdx-1.7.xml', 'hello.spdx-2.3.spdx', 'hello.spdx-3.0.json'])(
    `%s mutated: a Sbom, null or a FormatError (seed ${SEED}, ${RUNS} runs)`,
    (name) => {
      const outcomes = { parsed: 0, none: 0, formatError: 0 };
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
          outcomeOf(changes.reduce(mutate, seedBytes(name)), outcomes);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(outcomes.parsed).toBeGreaterThan(0);
      expect(outcomes.formatError).toBeGreaterThan(0);
    },
  );
});
