// The redaction step at scale: an outcome with 500,000 strings (esbuild's own, repeated) and a few planted
// secrets masked in one pass, against `grep -F -f` finding the same fixed strings in the same text, same run.
// Bundled and run by scripts/bench.mjs; not part of the product.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze';
import { redactOutcome } from '../src/core/redact/index';
import { measure, measureCommand } from './timing';

const COUNT = 500_000;
const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);

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

let masked = 0;
const figure = await measure(`redaction of ${COUNT} strings`, runs, () => {
  masked = redactOutcome({ kind: 'binary', analysis: big }).clear.size;
});
figure.note = `${big.secrets.length} secrets, ${masked} texts masked`;

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-bench-'));
let grep;
try {
  writeFileSync(join(dir, 'strings.txt'), strings.map((s) => s.value.replace(/\n/g, ' ')).join('\n'));
  writeFileSync(join(dir, 'secrets.txt'), big.secrets.join('\n'));
  // grep exits 1 when nothing matches; the planted secrets always do. Piped: see measureCommand.
  grep = measureCommand(
    'grep -F -f, same strings',
    runs,
    'grep',
    ['-F', '-c', '-f', join(dir, 'secrets.txt'), join(dir, 'strings.txt')],
    true,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ figures: { redaction: figure, grep } }) + '\n');
