// Vulnerability matching at scale: the stored index of the real database snapshot (4,261 entries) loaded from its
// JSON, then a synthetic binary linking 100 modules that have entries (each at v0.0.1, so most ranges apply) and
// 20,000 functions, half of them vulnerable symbols, matched against it. Against `jq .` reading the same index
// file, in the same run. Bundled and run by scripts/bench.mjs; not part of the product.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GoFunction } from '../src/core/report/types';
import { reportFromGoVersion } from '../src/core/sbom/test-support';
import { indexFromZip, loadIndex, serializeIndex } from '../src/core/vulns/db';
import { matchVulnerabilities } from '../src/core/vulns/match';

const MODULES = 100;
const FUNCTIONS = 20_000;
const runs = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const zip = new Uint8Array(readFileSync('test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip'));
let start = performance.now();
const imported = indexFromZip(zip, 'go-vulndb-osv-2026-08-21.zip');
const importMs = performance.now() - start;
const text = serializeIndex(imported);

// The modules with the most entries, as a large real program would link them.
const modules = [...imported.byModule.entries()]
  .filter(([module]) => module !== 'stdlib')
  .sort((a, b) => b[1].length - a[1].length)
  .slice(0, MODULES)
  .map(([module]) => module);
const deps = modules.map((m) => `\tdep\t${m}\tv0.0.1\t`).join('\n');
const report = reportFromGoVersion(
  `big: go1.21.0\n\tpath\texample.com/big\n\tmod\texample.com/big\t(devel)\t\n${deps}\n`,
);
const symbols = modules.flatMap((m) =>
  imported.byModule
    .get(m)!
    .flatMap((e) => e.affected.flatMap((a) => a.imports.flatMap((i) => i.symbols.map((s) => `${i.path}.${s}`)))),
);
const functions: GoFunction[] = Array.from({ length: FUNCTIONS }, (_, i) => ({
  name: i % 2 === 0 && symbols.length > 0 ? symbols[i % symbols.length]! : `example.com/big/pkg${i % 50}.F${i}`,
  entry: `0x${(0x401000 + i * 64).toString(16)}`,
  size: 64,
  file: null,
  package: '',
}));
report.go!.functions = functions;

const times: number[] = [];
const matchTimes: number[] = [];
let matches = 0;
for (let i = 0; i < runs; i++) {
  start = performance.now();
  const index = loadIndex(text);
  const loaded = performance.now();
  matches = matchVulnerabilities({ report, index, code: null }).length;
  matchTimes.push(performance.now() - loaded);
  times.push(performance.now() - start);
}
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-vuln-bench-'));
const file = join(dir, 'vulndb-index.json');
writeFileSync(file, text);
const jqTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  start = performance.now();
  spawnSync('jq', ['.', file], { stdio: ['ignore', 'ignore', 'ignore'] });
  jqTimes.push(performance.now() - start);
}
rmSync(dir, { recursive: true, force: true });
const ours = median(times);
const jq = median(jqTimes);
process.stdout.write(
  JSON.stringify({
    lines: [
      `vulnerability DB import (zip of ${imported.entries.length} entries, once): ${importMs.toFixed(0)} ms; stored index ${(text.length / 1048576).toFixed(1)} MiB`,
      `vulnerabilities: load stored index + match ${MODULES} modules, ${FUNCTIONS} functions: ${ours.toFixed(0)} ms (match alone ${median(matchTimes).toFixed(0)} ms, ${matches} matches); jq . on the index ${jq.toFixed(0)} ms; ratio ${(ours / jq).toFixed(2)}`,
    ],
  }) + '\n',
);
