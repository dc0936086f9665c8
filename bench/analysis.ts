// Runs the full analysis of one file several times in this process and prints its figure and peak memory as
// JSON. Bundled and run by scripts/bench.mjs; not part of the product.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../src/core/analyze';
import { sha256InPlace } from '../src/host/digest';
import { measure } from './timing';

const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
// A plain view of the Buffer's memory: copying it would double what a large file takes.
const read = readFileSync(path!);
const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
let note = '';
const figure = await measure('full analysis (in process)', runs, async () => {
  // As the CLI and the app's worker run it: with the host's in-place hash.
  const result = await analyze(bytes, { fileName: basename(path!), digest: sha256InPlace });
  note = `${result.report.go?.functions.length ?? 0} functions, ${result.strings.length} strings`;
});
figure.note = note;
process.stdout.write(
  JSON.stringify({ figures: { analysis: figure }, maxRssKiB: process.resourceUsage().maxRSS, size: bytes.length }) +
    '\n',
);
