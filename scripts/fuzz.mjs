// `npm run fuzz`: the long fuzz run. Every parser (ELF, PE, Mach-O, fat, Go build info and pclntab, SBOM JSON/XML/SPDX,
// strings and findings, the whole analysis) over inputs mutated from the committed fixtures, in one process per
// core. An input that runs past the time limit is a hang: its process is killed, the input saved, and the run goes
// on. An exception that is not a FormatError (or any exception where none is expected) is a crash, saved likewise.
//
//   node scripts/fuzz.mjs [--seed N] [--count N] [--time-limit MS] [--jobs N] [--out DIR]
//
// Inputs are a pure function of (seed, index), so `--seed S` reproduces a run and a saved input can be rebuilt.
// Exit code: 0 clean, 1 crashes or hangs found, 2 bad options.
import { fork } from 'node:child_process';
import { clearInterval, setInterval } from 'node:timers';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundle } from './bundle.mjs';

const OPTIONS = {
  seed: { type: 'string', default: '1' },
  count: { type: 'string', default: '100000' },
  'time-limit': { type: 'string', default: '5000' },
  jobs: { type: 'string', default: String(availableParallelism()) },
  out: { type: 'string', default: join('out', 'fuzz') },
  help: { type: 'boolean', short: 'h' },
};
const POLL_MS = 100;
const children = new Set();
const PRINT_EVERY_MS = 30_000;

function options() {
  const { values } = parseArgs({ options: OPTIONS, strict: true });
  if (values.help) {
    process.stdout.write(
      'usage: node scripts/fuzz.mjs [--seed N] [--count N] [--time-limit MS] [--jobs N] [--out DIR]\n',
    );
    process.exit(0);
  }
  const number = (name) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < (name === 'seed' ? 0 : 1)) {
      process.stderr.write(`fuzz: --${name} takes a whole number, not "${values[name]}"\n`);
      process.exit(2);
    }
    return value;
  };
  const seed = number('seed');
  return {
    seed,
    count: number('count'),
    timeLimitMs: number('time-limit'),
    jobs: number('jobs'),
    outDir: resolve(values.out, `seed-${seed}`),
  };
}

/** Everything the run found, summed over the processes. */
function newResults() {
  return { done: 0, tallies: {}, crashes: [], hangs: [], started: performance.now() };
}

function merge(results, progress) {
  for (const [name, t] of Object.entries(progress.tallies)) {
    const sum = (results.tallies[name] ??= { count: 0, ms: 0, slowestMs: -1, slowestIndex: -1, slowestSeed: '' });
    sum.count += t.count;
    sum.ms += t.ms;
    results.done += t.count;
    if (t.slowestMs > sum.slowestMs) Object.assign(sum, { ...t, count: sum.count, ms: sum.ms });
  }
  results.crashes.push(...progress.crashes);
  for (const slow of progress.slow) results.hangs.push({ ...slow, killed: false });
}

/** The input at `index` rebuilt in this process and saved, for a hang or a process that died on it. */
function saveRebuilt(runner, config, kind, index) {
  const { target, input } = runner.inputFor(config.seed, index);
  const saved = runner.saveInput(config.outDir, kind, target.name, index, input.bytes);
  input.undo();
  return { target: target.name, seedName: input.seedName, saved };
}

function readStatus(file) {
  try {
    const word = new Float64Array(new Uint8Array(readFileSync(file)).buffer);
    return word.length >= 2 ? { index: word[0], since: word[1] } : null;
  } catch {
    return null;
  }
}

/**
 * Records why a lane's process ended early: killed on a hang, or died on an input (or before its first one).
 * Returns the index to go on from, or null when the lane cannot go on.
 */
function recordStop(runner, config, results, { stopped, status, next, code, signal }) {
  const index = (stopped ?? status)?.index ?? next;
  if (index < 0) {
    // Died loading its seeds: every restart would too; its own message is on stderr.
    const error = `runner exited (code ${code})`;
    results.crashes.push({ index, target: 'start', seedName: '', error, saved: '' });
    return null;
  }
  // Inputs between the last report and the one it stopped on ran, without timings.
  results.done += Math.max(0, Math.round((index - next) / config.jobs)) + 1;
  const found = saveRebuilt(runner, config, stopped ? 'hang' : 'died', index);
  if (stopped) results.hangs.push({ index, ...found, ms: stopped.ms, killed: true });
  else results.crashes.push({ index, ...found, error: `process exited (code ${code}, signal ${signal})` });
  return index + config.jobs;
}

/** Runs inputs first, first + stride, ... in a child, restarting it past any input it hangs or dies on. */
function lane(script, runner, config, results, first) {
  return new Promise((done) => {
    const statusFile = join(config.outDir, `status-${first % config.jobs}.bin`);
    const env = {
      ...process.env,
      GOBINSCOPE_FUZZ: JSON.stringify({ ...config, first, stride: config.jobs, statusFile }),
    };
    // A fresh process starts by loading its seeds: not a hang, whatever the last process left in the file.
    writeFileSync(statusFile, new Uint8Array(new Float64Array([-1, Date.now()]).buffer));
    const child = fork(script, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(child);
    let next = first;
    let stopped = null;
    child.on('message', (progress) => {
      merge(results, progress);
      next = progress.next;
    });
    const watch = setInterval(() => {
      const status = readStatus(statusFile);
      if (!status || status.index < 0 || Date.now() - status.since <= config.timeLimitMs) return;
      stopped = { index: status.index, ms: Date.now() - status.since };
      child.kill('SIGKILL');
    }, POLL_MS);
    // 'close' comes after the last message, so the tallies are complete when it does.
    child.on('close', (code, signal) => {
      children.delete(child);
      clearInterval(watch);
      if (next >= config.count) return done();
      const status = readStatus(statusFile);
      const resume = recordStop(runner, config, results, { stopped, status, next, code, signal });
      if (resume === null) done();
      else lane(script, runner, config, results, resume).then(done);
    });
  });
}

function rate(results) {
  const seconds = (performance.now() - results.started) / 1000;
  return { seconds, perSecond: results.done / Math.max(seconds, 1e-3) };
}

function printProgress(results) {
  const { seconds, perSecond } = rate(results);
  process.stdout.write(
    `fuzz: ${results.done} inputs in ${seconds.toFixed(0)} s (${perSecond.toFixed(1)}/s), ` +
      `${results.crashes.length} crashes, ${results.hangs.length} hangs\n`,
  );
}

function summary(config, results) {
  const { seconds, perSecond } = rate(results);
  const slowest = Object.entries(results.tallies)
    .map(([target, t]) => ({ target, ms: t.slowestMs, index: t.slowestIndex, seedName: t.slowestSeed }))
    .sort((a, b) => b.ms - a.ms)[0];
  return {
    seed: config.seed,
    count: results.done,
    seconds: Math.round(seconds),
    inputsPerSecond: Math.round(perSecond * 10) / 10,
    jobs: config.jobs,
    timeLimitMs: config.timeLimitMs,
    crashes: results.crashes,
    hangs: results.hangs,
    slowest,
    targets: Object.fromEntries(
      Object.entries(results.tallies).map(([name, t]) => [
        name,
        {
          count: t.count,
          meanMs: +(t.ms / t.count).toFixed(3),
          slowestMs: +t.slowestMs.toFixed(1),
          slowestIndex: t.slowestIndex,
        },
      ]),
    ),
  };
}

function printSummary(report, file) {
  const lines = [
    `fuzz seed ${report.seed}: ${report.count} inputs in ${report.seconds} s, ${report.inputsPerSecond} inputs/s ` +
      `(${report.jobs} processes, time limit ${report.timeLimitMs} ms)`,
    `crashes: ${report.crashes.length}, hangs: ${report.hangs.length}`,
    `slowest input: ${report.slowest ? `${report.slowest.target} #${report.slowest.index} (${report.slowest.seedName}) ${report.slowest.ms.toFixed(1)} ms` : 'none'}`,
    ...Object.entries(report.targets).map(
      ([name, t]) =>
        `  ${name.padEnd(14)} ${String(t.count).padStart(9)} inputs, mean ${t.meanMs} ms, slowest ${t.slowestMs} ms (#${t.slowestIndex})`,
    ),
    ...report.crashes.map(
      (c) => `crash ${c.target} #${c.index} (${c.seedName}): ${c.error.split('\n')[0]} -> ${c.saved}`,
    ),
    ...report.hangs.map(
      (h) => `hang ${h.target} #${h.index} (${h.seedName}): ${Math.round(h.ms)} ms${h.saved ? ` -> ${h.saved}` : ''}`,
    ),
    `summary: ${file}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The figures so far, on disk: a run stopped early (Ctrl-C, a deadline) still leaves its numbers. */
function writeSummary(config, results, partial) {
  const report = { ...summary(config, results), partial };
  const file = join(config.outDir, 'summary.json');
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return { report, file };
}

const config = options();
mkdirSync(config.outDir, { recursive: true });
const script = await bundle('scripts/fuzz/runner.ts', config.outDir);
const runner = await import(script);
const results = newResults();
process.stdout.write(
  `fuzz: seed ${config.seed}, ${config.count} inputs, ${config.jobs} processes, time limit ${config.timeLimitMs} ms, ` +
    `output in ${config.outDir}\n`,
);
const printer = setInterval(() => {
  printProgress(results);
  writeSummary(config, results, true);
}, PRINT_EVERY_MS);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    const { report, file } = writeSummary(config, results, true);
    printSummary(report, file);
    process.exit(130);
  });
}
const lanes = Array.from({ length: Math.min(config.jobs, config.count) }, (_, first) =>
  lane(script, runner, config, results, first),
);
await Promise.all(lanes);
clearInterval(printer);
const { report, file } = writeSummary(config, results, false);
printSummary(report, file);
process.exitCode = report.crashes.length + report.hangs.length > 0 ? 1 : 0;
