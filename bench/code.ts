// The pass over the code on its own: direct calls, data references and inline trees of one binary (esbuild's by
// default), run several times after a single parse; against GNU objdump's disassembly of the same file, in the
// same run. Bundled and run by scripts/bench.mjs; not part of the product.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { followCode } from '../src/core/code/index';
import { parseExecutable } from '../src/core/formats/detect';
import { analyzeGo } from '../src/core/go/index';

const [path, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bytes = new Uint8Array(readFileSync(path!));
const exe = parseExecutable(bytes)!.exes[0]!;
const go = analyzeGo(exe, bytes);
const times: number[] = [];
// CPU time too: on a shared machine the wall clock also counts waiting for a core.
const cpuTimes: number[] = [];
let summary = '';
let codeBytes = 0;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const code = followCode(exe, go.pclntab ?? null, go.tableFunctions ?? [], bytes);
  const used = process.cpuUsage(cpu);
  times.push(performance.now() - start);
  cpuTimes.push((used.user + used.system) / 1000);
  codeBytes = code.codeBytes;
  summary = `${code.calls.count} calls, ${code.refs.count} data refs, ${code.inline?.count ?? 0} inlined frames`;
}
// objdump is slow: three runs give its median.
const objdumpTimes: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) {
  const start = performance.now();
  spawnSync('objdump', ['-d', '--no-show-raw-insn', path!], { stdio: ['ignore', 'ignore', 'ignore'] });
  objdumpTimes.push(performance.now() - start);
}
const ours = median(times);
const objdump = median(objdumpTimes);
const perMiB = (ms: number, size: number) => (ms / (size / 1048576)).toFixed(1);
process.stdout.write(
  JSON.stringify({
    lines: [
      `code pass (median of ${runs}): ${ours.toFixed(0)} ms (${summary}); ${perMiB(ours, bytes.length)} ms per MiB of file, ${perMiB(ours, codeBytes)} per MiB of code; fastest ${Math.min(...times).toFixed(0)} ms; CPU ${median(cpuTimes).toFixed(0)} ms (${perMiB(median(cpuTimes), bytes.length)} per MiB of file)`,
      `objdump -d (median of ${objdumpTimes.length}): ${objdump.toFixed(0)} ms; ratio code pass / objdump ${(ours / objdump).toFixed(3)}`,
    ],
  }) + '\n',
);
