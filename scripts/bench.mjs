// `npm run bench`: speed and memory as ratios against standard tools measured in the same run, on this machine.
// 1. Full analysis of esbuild's binary (Go 1.26, 11 MB) against `strings -a -n 6` on the same file.
// 2. The pass over the code of the same file on its own (bench/code.ts), against GNU objdump's disassembly.
// 3. The redaction of 500,000 strings against `grep -F -f` on the same text (bench/redact.ts).
// 4. Every committed SBOM bench in bench/*.ts that exports a result line (see bench/sbom.ts).
// 5. Loading the stored vulnerability index and matching a 100-module binary against it (bench/vulns.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const target = process.argv[2] ?? 'node_modules/@esbuild/linux-x64/bin/esbuild';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bundle(entry, outDir) {
  const outfile = join(outDir, entry.replace(/\W+/g, '_') + '.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}

function timeCommand(command, args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    if (run.status !== 0) throw new Error(`${command} failed`);
    times.push(performance.now() - start);
  }
  return median(times);
}

function runJson(script, args) {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

mkdirSync('out', { recursive: true });
// Inside the project, so the bundles find node_modules.
const dir = mkdtempSync(join('out', 'bench-'));
try {
  if (!existsSync(target)) throw new Error(`${target} not found: run npm install first`);
  const analysis = runJson(await bundle('bench/analysis.ts', dir), [target, String(RUNS)]);
  const ours = median(analysis.times);
  const strings = timeCommand('strings', ['-a', '-n', '6', target]);
  const cli = timeCommand(process.execPath, ['bin/gobinscope.mjs', 'analyze', target, '--json']);
  console.log(`file: ${target}`);
  console.log(
    `full analysis (in process, median of ${RUNS}): ${ours.toFixed(0)} ms  (${analysis.functions} functions, ${analysis.strings} strings)`,
  );
  console.log(`strings -a -n 6 (median of ${RUNS}):            ${strings.toFixed(0)} ms`);
  console.log(`ratio analysis / strings:                      ${(ours / strings).toFixed(2)}`);
  const fastest = Math.min(...analysis.times);
  console.log(
    `fastest analysis run (warm JIT):               ${fastest.toFixed(0)} ms  (ratio ${(fastest / strings).toFixed(2)})`,
  );
  console.log(
    `gobinscope analyze --json, whole process:      ${cli.toFixed(0)} ms  (ratio ${(cli / strings).toFixed(2)})`,
  );
  console.log(`peak memory of the analysis process:           ${(analysis.maxRssKiB / 1024).toFixed(0)} MiB`);
  if (existsSync('bench/code.ts')) {
    const code = runJson(await bundle('bench/code.ts', dir), [target, String(RUNS)]);
    for (const line of code.lines) console.log(line);
  }
  if (existsSync('bench/redact.ts')) {
    const redaction = runJson(await bundle('bench/redact.ts', dir), [target, String(RUNS)]);
    for (const line of redaction.lines) console.log(line);
  }
  if (existsSync('bench/sbom.ts')) {
    const sbom = runJson(await bundle('bench/sbom.ts', dir), [String(RUNS)]);
    for (const line of sbom.lines) console.log(line);
  }
  if (existsSync('bench/vulns.ts')) {
    const vulns = runJson(await bundle('bench/vulns.ts', dir), [String(RUNS)]);
    for (const line of vulns.lines) console.log(line);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
