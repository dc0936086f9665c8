// The pass over the code on its own: direct calls, data references and inline trees of one binary (esbuild's by
// default), run several times after a single parse; against GNU objdump's disassembly of the same file, in the
// same run. Bundled and run by scripts/bench.mjs; not part of the product.
import { readFileSync } from 'node:fs';
import { followCode } from '../src/core/code/index';
import { parseExecutable } from '../src/core/formats/detect';
import { analyzeGo } from '../src/core/go/index';
import { measure, measureCommand } from './timing';

const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const bytes = new Uint8Array(readFileSync(path!));
const exe = parseExecutable(bytes)!.exes[0]!;
const go = analyzeGo(exe, bytes);
let note = '';
const figure = await measure('code pass (after one parse)', runs, () => {
  const code = followCode(exe, go.pclntab ?? null, go.tableFunctions ?? [], bytes);
  note = `${code.calls.count} calls, ${code.refs.count} data refs, ${code.inline?.count ?? 0} inlined frames, ${(code.codeBytes / 1048576).toFixed(1)} MiB of code`;
});
figure.note = note;
// objdump is slow (seconds): three runs give its median.
const objdump = measureCommand('objdump -d', Math.min(runs, 3), 'objdump', ['-d', '--no-show-raw-insn', path!]);
process.stdout.write(JSON.stringify({ figures: { code: figure, objdump } }) + '\n');
