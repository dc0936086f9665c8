// Runs the full analysis of one file several times in this process and prints timings and peak memory as JSON.
// Bundled and run by scripts/bench.mjs; not part of the product.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../src/core/analyze';

const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const bytes = new Uint8Array(readFileSync(path!));
const times: number[] = [];
let functions = 0;
let strings = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const result = await analyze(bytes, { fileName: basename(path!) });
  times.push(performance.now() - start);
  functions = result.report.go?.functions.length ?? 0;
  strings = result.strings.length;
}
process.stdout.write(JSON.stringify({ times, maxRssKiB: process.resourceUsage().maxRSS, functions, strings }) + '\n');
