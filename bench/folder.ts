// Folder throughput: `gobinscope scan FOLDER --format jsonl` over the committed fixture binaries, through the worker
// pool, as a whole process; against `cat` and `strings -a -n 6` over the same files, in the same run. Printed in
// MB/s beside the ratio. Bundled and run by scripts/bench.mjs; not part of the product.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measureCommand, type Figure } from './timing';

const folder = process.argv[2] ?? 'test/fixtures/bin';
// A scan of the folder takes tens of seconds on a shared machine: three runs give a median without an hour's wait.
const runs = Math.min(3, Number(process.argv[3] ?? 3));
const files = readdirSync(folder)
  .map((name) => join(folder, name))
  .filter((path) => statSync(path).isFile());
const bytes = files.reduce((total, path) => total + statSync(path).size, 0);
const megabytes = bytes / 1e6;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function withRate(figure: Figure): Figure {
  const rate = megabytes / (median(figure.wall) / 1000);
  return { ...figure, note: `${files.length} files, ${megabytes.toFixed(1)} MB, ${rate.toFixed(1)} MB/s wall` };
}

const figures = {
  folderScan: withRate(
    measureCommand('gobinscope scan FOLDER --format jsonl (pool)', runs, process.execPath, [
      'bin/gobinscope.mjs',
      'scan',
      folder,
      '--format',
      'jsonl',
      '--fail-on',
      'none',
    ]),
  ),
  folderStrings: withRate(
    measureCommand('strings -a -n 6 over the folder', runs, 'strings', ['-a', '-n', '6', ...files]),
  ),
  folderCat: withRate(measureCommand('cat over the folder', runs, 'cat', files)),
};
console.log(JSON.stringify({ figures, bytes, files: files.length }));
