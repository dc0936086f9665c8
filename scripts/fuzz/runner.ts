// One process of the long fuzz run (scripts/fuzz.mjs starts one per core). It runs inputs first, first + stride,
// ... below count, writes the input it is on to a status file before each one (so the parent can tell a hang and
// name it even when this process is stuck in a loop), saves crashing inputs, and reports tallies as it goes.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Random, randomFor } from './mutate';
import { TARGETS, targetFor, type Input, type Target } from './targets';

export interface RunnerConfig {
  seed: number;
  count: number;
  first: number;
  stride: number;
  timeLimitMs: number;
  statusFile: string;
  outDir: string;
}

/** Per target: inputs run, time spent, and the slowest input. */
export interface Tally {
  count: number;
  ms: number;
  slowestMs: number;
  slowestIndex: number;
  slowestSeed: string;
}

export interface Progress {
  type: 'progress';
  /** Index of the next input this process will run; everything before it in its stride is done. */
  next: number;
  tallies: Record<string, Tally>;
  crashes: Crash[];
  /** Inputs that ran to the end but over the time limit (the parent kills those that do not end). */
  slow: { index: number; target: string; seedName: string; ms: number }[];
}

export interface Crash {
  index: number;
  target: string;
  seedName: string;
  error: string;
  saved: string;
}

/** The input `index` of a run, rebuilt from the seed: the parent saves hung inputs with it. */
export function inputFor(seed: number, index: number): { target: Target; input: Input } {
  const random = randomFor(seed, index);
  const target = targetFor(random);
  return { target, input: target.input(random) };
}

export function saveInput(outDir: string, kind: string, target: string, index: number, bytes: Uint8Array): string {
  const path = join(outDir, `${kind}-${target}-${index}.bin`);
  writeFileSync(path, bytes);
  return path;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

const REPORT_EVERY_MS = 500;

/**
 * Loads every target's seed files and compiles what compiles lazily (the schema validators) before the clock runs,
 * so the first input of a target is not charged for them and not taken for a hang. Index -1 tells the parent so.
 */
async function warmUp(status: number): Promise<void> {
  writeSync(status, new Uint8Array(new Float64Array([-1, Date.now()]).buffer), 0, 16, 0);
  for (const target of TARGETS) {
    target.input(new Random(0)).undo();
    await target.warmUp?.();
  }
}

async function run(config: RunnerConfig, send: (message: Progress) => Promise<void>): Promise<void> {
  const status = openSync(config.statusFile, 'w');
  await warmUp(status);
  const word = new Float64Array(2);
  let progress: Progress = { type: 'progress', next: config.first, tallies: {}, crashes: [], slow: [] };
  let reported = performance.now();
  for (let index = config.first; index < config.count; index += config.stride) {
    word[0] = index;
    word[1] = Date.now();
    writeSync(status, new Uint8Array(word.buffer), 0, 16, 0);
    const { target, input } = inputFor(config.seed, index);
    const started = performance.now();
    try {
      await target.check(input);
    } catch (error) {
      const saved = saveInput(config.outDir, 'crash', target.name, index, input.bytes);
      progress.crashes.push({ index, target: target.name, seedName: input.seedName, error: describe(error), saved });
    } finally {
      input.undo();
    }
    const ms = performance.now() - started;
    tally(progress, target.name, ms, index, input.seedName);
    if (ms > config.timeLimitMs) progress.slow.push({ index, target: target.name, seedName: input.seedName, ms });
    if (performance.now() - reported > REPORT_EVERY_MS) {
      progress.next = index + config.stride;
      await send(progress);
      progress = { type: 'progress', next: progress.next, tallies: {}, crashes: [], slow: [] };
      reported = performance.now();
    }
  }
  progress.next = config.count;
  await send(progress);
  closeSync(status);
}

function tally(progress: Progress, name: string, ms: number, index: number, seedName: string): void {
  const entry = (progress.tallies[name] ??= { count: 0, ms: 0, slowestMs: -1, slowestIndex: -1, slowestSeed: '' });
  entry.count++;
  entry.ms += ms;
  if (ms > entry.slowestMs) Object.assign(entry, { slowestMs: ms, slowestIndex: index, slowestSeed: seedName });
}

/** Started by scripts/fuzz.mjs with its configuration in GOBINSCOPE_FUZZ; otherwise only imported. */
const configText = process.env['GOBINSCOPE_FUZZ'];
if (configText && process.send) {
  // Waiting for each message to go out keeps the tallies honest when the parent kills this process later.
  const send = (message: Progress): Promise<void> =>
    new Promise((resolve, reject) =>
      process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
    );
  run(JSON.parse(configText) as RunnerConfig, send).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      process.stderr.write(`fuzz runner failed: ${describe(error)}\n`);
      process.exit(70);
    },
  );
}
