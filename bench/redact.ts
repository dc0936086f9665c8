// The redaction step at scale: an outcome with 500,000 strings (esbuild's own, repeated) and a few planted
// secrets masked in one pass, against `grep -F -f` finding the same fixed strings in the same text, same run.
// Bundled and run by scripts/bench.mjs; not part of the product.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze';
import { redactOutcome } from '../src/core/redact/index';

const COUNT = 500_000;
const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const analysis = await analyze(new Uint8Array(readFileSync(path!)), { fileName: 'bench' });
// Clearly fake values of the shapes the rules know, planted every 10,000 strings.
const secrets = Array.from(
  { length: 20 },
  (_, i) => `ghp_FAKEbench${String(i).padStart(4, '0')}FAKEbenchFAKEbenchFAKE0`,
);
const strings = Array.from({ length: COUNT }, (_, i) => {
  const found = analysis.strings[i % analysis.strings.length]!;
  return i % 10_000 === 0 ? { ...found, value: `${found.value} ${secrets[(i / 10_000) % 20]}` } : found;
});
const big = { ...analysis, strings, secrets: [...(analysis.secrets ?? []), ...secrets] };

const times: number[] = [];
let masked = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  masked = redactOutcome({ kind: 'binary', analysis: big }).clear.size;
  times.push(performance.now() - start);
}

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-bench-'));
const grepTimes: number[] = [];
try {
  writeFileSync(join(dir, 'strings.txt'), strings.map((s) => s.value.replace(/\n/g, ' ')).join('\n'));
  writeFileSync(join(dir, 'secrets.txt'), big.secrets.join('\n'));
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync('grep', ['-F', '-c', '-f', join(dir, 'secrets.txt'), join(dir, 'strings.txt')]);
    grepTimes.push(performance.now() - start);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ours = median(times);
const grep = median(grepTimes);
process.stdout.write(
  JSON.stringify({
    lines: [
      `redaction of ${COUNT} strings, ${big.secrets.length} secrets (median of ${runs}): ${ours.toFixed(0)} ms  (${masked} texts masked)`,
      `grep -F -f on the same strings (median of ${runs}):       ${grep.toFixed(0)} ms`,
      `ratio redaction / grep:                                 ${(ours / grep).toFixed(2)}`,
    ],
  }) + '\n',
);
