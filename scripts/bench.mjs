// `npm run bench`: speed and memory as ratios against standard tools measured in the same run, on this machine.
// Every figure is BENCH_RUNS runs (default 5) with median and spread (min-max), wall clock and CPU time; figures
// measured in process add one cold first run, shown apart (bench/timing.ts).
// 1. Full analysis of esbuild's binary (Go 1.26, 11 MB) in process, and the whole CLI `analyze --json`, against
//    `strings -a -n 6` on the same file.
// 2. The pass over the code of the same file on its own (bench/code.ts), against GNU objdump's disassembly.
// 3. The redaction of 500,000 strings against `grep -F -f` on the same text (bench/redact.ts).
// 4. A 20,000-component SBOM read, validated and reconciled, against `jq .` (bench/sbom.ts), and the same in
//    SPDX 2.3 JSON and tag-value, SPDX 3 JSON-LD and CycloneDX 1.7 (bench/sbom-formats.ts).
// 5. Loading the stored vulnerability index and matching a 100-module binary against it (bench/vulns.ts).
// 6. Large inputs (scripts/bench-large.mjs): the same binary padded with a data section to 40 MiB and to 1 GiB,
//    built for the run and removed after it: the analysis against `strings -a -n 6` again, and its peak memory
//    (the process's maximum resident set) against the file's size. BENCH_HUGE=0 leaves the 1 GiB file out.
// 7. Folder throughput: `scan FOLDER --format jsonl` over test/fixtures/bin through the worker pool, in MB/s,
//    against `strings -a -n 6` and `cat` over the same files (bench/folder.ts).
// The ratios are compared with bench/recorded.json: a CPU-time ratio more than 20% worse fails the run (exit 1,
// naming it); wall-clock ratios are shown against theirs.
// `npm run bench -- --record` writes the ratios of this run there instead. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paddedBinary } from './bench-large.mjs';
import { bundle } from './bundle.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const RECORDED = 'bench/recorded.json';
/** A ratio may grow by this factor over the recorded one before the bench fails. */
const TOLERANCE = 1.2;
const record = process.argv.includes('--record');
const target = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'node_modules/@esbuild/linux-x64/bin/esbuild';

const HUGE = process.env.BENCH_HUGE !== '0';
/** The padded inputs: name, size, and runs (one warm run after the cold one for the gigabyte). */
const LARGE_INPUTS = [
  { key: 'large', label: '40 MiB', bytes: 40 * 2 ** 20, runs: RUNS },
  ...(HUGE ? [{ key: 'huge', label: '1 GiB', bytes: 2 ** 30, runs: 1 }] : []),
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

function runJson(script, args) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

/** The same as bench/timing.ts's measureCommand, for the commands this script runs itself. */
function measureCommand(label, command, args, runs = RUNS) {
  const wall = [];
  const cpu = [];
  const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>/dev/null; } 2>&1';
  for (let i = 0; i < runs; i++) {
    const run = spawnSync('bash', ['-c', script, 'bash', command, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${run.status})`);
    const [real, user, system] = run.stdout.trim().split('\n').at(-1).split(' ').map(Number);
    wall.push(real * 1000);
    cpu.push((user + system) * 1000);
  }
  return { label, wall, cpu };
}

function printFigure(figure) {
  const spread = (xs) => `${ms(median(xs))} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
  const note = figure.note ? `  [${figure.note}]` : '';
  const cold = figure.cold ? `  cold first run: wall ${ms(figure.cold.wall)}, CPU ${ms(figure.cold.cpu)}` : '';
  console.log(`${figure.label.padEnd(52)} wall ${spread(figure.wall)}  CPU ${spread(figure.cpu)}${cold}${note}`);
}

/** Ratios of medians, wall and CPU, ours over the standard tool's, in the same run. */
function ratios(figures) {
  const pairs = [
    ['analysis (warm) / strings', 'analysis', 'strings'],
    ['CLI analyze --json / strings', 'cli', 'strings'],
    ['code pass / objdump -d', 'code', 'objdump'],
    ['redaction / grep -F -f', 'redaction', 'grep'],
    ['SBOM / jq .', 'sbom', 'jq'],
    ['SBOM SPDX 2.3 JSON / jq .', 'sbomSpdx', 'sbomSpdxTool'],
    ['SBOM SPDX tag-value / wc -l', 'sbomSpdxTag', 'sbomSpdxTagTool'],
    ['SBOM SPDX 3 JSON-LD / jq .', 'sbomSpdx3', 'sbomSpdx3Tool'],
    ['SBOM CycloneDX 1.7 / jq .', 'sbomCdx17', 'sbomCdx17Tool'],
    ['folder scan / strings over the files', 'folderScan', 'folderStrings'],
    ['folder scan / cat over the files', 'folderScan', 'folderCat'],
    ...LARGE_INPUTS.map(({ key, label }) => [`analysis ${label} (warm) / strings`, `${key}Analysis`, `${key}Strings`]),
  ];
  const out = {};
  for (const [name, ours, theirs] of pairs) {
    if (!figures[ours] || !figures[theirs]) continue;
    out[`${name} (wall)`] = median(figures[ours].wall) / median(figures[theirs].wall);
    out[`${name} (CPU)`] = median(figures[ours].cpu) / median(figures[theirs].cpu);
  }
  // The cold run: what a fresh worker spends on its first file.
  if (figures.analysis?.cold && figures.strings) {
    out['cold first analysis / strings (wall)'] = figures.analysis.cold.wall / median(figures.strings.wall);
    out['cold first analysis / strings (CPU)'] = figures.analysis.cold.cpu / median(figures.strings.cpu);
  }
  return out;
}

/**
 * Names of the CPU-time ratios more than TOLERANCE worse than the recorded ones. Wall-clock ratios are shown
 * beside their recorded values but do not fail the run: on a shared machine they also count waiting for a core,
 * and swing by more than the tolerance from one run to the next.
 */
function regressions(current, recorded) {
  const failed = [];
  for (const [name, value] of Object.entries(current)) {
    const before = recorded[name];
    // One cold run is a single sample: shown, not gated.
    const gated = name.endsWith('(CPU)') && !name.startsWith('cold');
    let verdict = 'not recorded';
    if (before !== undefined)
      verdict = value <= before * TOLERANCE ? 'ok' : gated ? 'REGRESSED' : 'slower (wall, not gated)';
    const shown = before === undefined ? '' : ` (recorded ${before.toFixed(3)})`;
    console.log(`ratio ${name.padEnd(46)} ${value.toFixed(3)}${shown}  ${verdict}`);
    if (verdict === 'REGRESSED') failed.push(name);
  }
  return failed;
}

/**
 * The padded inputs, one after the other (the gigabyte is written, measured and removed before the next step):
 * their figures join `figures`; returns the memory ratios (peak resident set over file size), shown, not gated.
 */
async function largeInputs(figures, dir) {
  const memory = {};
  const script = await bundle('bench/analysis.ts', dir);
  for (const input of LARGE_INPUTS) {
    const { path, size } = paddedBinary(target, input.bytes, dir, `padded-${input.key}`);
    try {
      const analysis = runJson(script, [path, String(input.runs)]);
      const mib = (size / 2 ** 20).toFixed(0);
      figures[`${input.key}Analysis`] = { ...analysis.figures.analysis, label: `full analysis, ${mib} MiB padded` };
      figures[`${input.key}Strings`] = measureCommand(
        `strings -a -n 6, ${mib} MiB`,
        'strings',
        ['-a', '-n', '6', path],
        input.runs,
      );
      printFigure(figures[`${input.key}Analysis`]);
      printFigure(figures[`${input.key}Strings`]);
      // Peak memory of one analysis in a fresh process (the cold run only): the timed process keeps the garbage
      // of several runs, which says more about when the collector ran than about what one analysis needs.
      const rss = runJson(script, [path, '0']).maxRssKiB * 1024;
      console.log(
        `peak memory, ${mib} MiB file: ${(rss / 2 ** 20).toFixed(0)} MiB = ${(rss / size).toFixed(2)}x the file`,
      );
      memory[`peak memory / file size, ${input.label} (memory)`] = rss / size;
    } finally {
      rmSync(path, { force: true });
    }
  }
  return memory;
}

mkdirSync('out', { recursive: true });
// Inside the project, so the bundles find node_modules.
const dir = mkdtempSync(join('out', 'bench-'));
let failed = [];
try {
  if (!existsSync(target)) throw new Error(`${target} not found: run npm install first`);
  // The CLI runs from out/cli: build it from the sources being measured.
  if (spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' }).status !== 0) {
    throw new Error('building the CLI failed');
  }
  const analysis = runJson(await bundle('bench/analysis.ts', dir), [target, String(RUNS)]);
  const figures = { ...analysis.figures };
  figures.strings = measureCommand('strings -a -n 6', 'strings', ['-a', '-n', '6', target]);
  figures.cli = measureCommand('gobinscope analyze --json (whole process)', process.execPath, [
    'bin/gobinscope.mjs',
    'analyze',
    target,
    '--json',
  ]);
  for (const script of [
    'bench/code.ts',
    'bench/redact.ts',
    'bench/sbom.ts',
    'bench/sbom-formats.ts',
    'bench/folder.ts',
  ]) {
    if (!existsSync(script)) continue;
    const args = script.startsWith('bench/sbom')
      ? [String(RUNS)]
      : script === 'bench/folder.ts'
        ? ['test/fixtures/bin', String(RUNS)]
        : [target, String(RUNS)];
    Object.assign(figures, runJson(await bundle(script, dir), args).figures);
  }
  console.log(`file: ${target}; ${RUNS} runs per figure (median, min-max)`);
  for (const figure of Object.values(figures)) printFigure(figure);
  console.log(`peak memory of the analysis process: ${(analysis.maxRssKiB / 1024).toFixed(0)} MiB`);
  // After the padded inputs, whose figures join the ratios.
  const memory = await largeInputs(figures, dir);
  const current = { ...ratios(figures), ...memory };
  const recorded = existsSync(RECORDED) ? JSON.parse(readFileSync(RECORDED, 'utf8')) : { ratios: {} };
  if (record) {
    const medians = Object.fromEntries(
      Object.entries(figures).map(([key, f]) => [key, { wall: median(f.wall), cpu: median(f.cpu) }]),
    );
    const rounded = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    const entry = { date: new Date().toISOString(), runs: RUNS, target, ratios: rounded, medians };
    writeFileSync(RECORDED, JSON.stringify(entry, null, 2) + '\n');
    for (const [name, value] of Object.entries(rounded)) console.log(`ratio ${name.padEnd(46)} ${value.toFixed(3)}`);
    console.log(`recorded in ${RECORDED}`);
  } else {
    failed = regressions(current, recorded.ratios);
  }
  if (existsSync('bench/vulns.ts')) {
    const vulns = runJson(await bundle('bench/vulns.ts', dir), [String(RUNS)]);
    for (const line of vulns.lines) console.log(line);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed.length > 0) {
  console.error(`bench: more than 20% slower than recorded (CPU time against the same tool): ${failed.join('; ')}`);
  process.exit(1);
}
