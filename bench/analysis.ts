// Runs the full analysis of one file several times in this process and prints its figure and peak memory as
// JSON. Bundled and run by scripts/bench.mjs; not part of the product.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../src/core/analyze';
import { measure } from './timing';

const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const bytes = new Uint8Array(readFileSync(path!));
let note = '';
const figure = await measure('full analysis (in process)', runs, async () => {
  const result = await analyze(bytes, { fileName: basename(path!) });
  note = `${result.report.go?.functions.length ?? 0} functions, ${result.strings.length} strings`;
});
figure.note = note;
process.stdout.write(
  JSON.stringify({ figures: { analysis: figure }, maxRssKiB: process.resourceUsage().maxRSS }) + '\n',
);
