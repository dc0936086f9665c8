// SBOM scale: a 20,000-component CycloneDX 1.6 JSON document read, validated against the official schema and
// reconciled with a binary holding 20,000 modules; against `jq .` on the same file, in the same run.
// Bundled and run by scripts/bench.mjs; not part of the product.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSbom, reconcile, validateSbom } from '../src/core/sbom/index';
import { reportFromGoVersion } from '../src/core/sbom/test-support';
import { measure, measureCommand } from './timing';

const COUNT = 20_000;
const runs = Number(process.argv[2] ?? 5);
const path = (i: number) => `github.com/org${i % 97}/module${i}`;
const hex = (i: number) => (i.toString(16).padStart(8, '0') + '0'.repeat(56)).slice(0, 64);
const h1 = (i: number) => `h1:${Buffer.from(hex(i), 'hex').toString('base64')}`;

const deps = Array.from({ length: COUNT }, (_, i) => `\tdep\t${path(i)}\tv1.${i}.0\t${h1(i)}`).join('\n');
const report = reportFromGoVersion(
  `big: go1.22.1\n\tpath\texample.com/big\n\tmod\texample.com/big\t(devel)\t\n${deps}\n`,
);
const components = Array.from({ length: COUNT }, (_, i) => ({
  type: 'library',
  'bom-ref': `pkg:golang/${path(i)}@v1.${i}.0`,
  name: path(i),
  version: `v1.${i}.0`,
  purl: `pkg:golang/${path(i)}@v1.${i}.0`,
  hashes: [{ alg: 'SHA-256', content: hex(i) }],
}));
const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }, null, 2);
const bytes = new TextEncoder().encode(text);

let verdict = '';
let valid = false;
const figure = await measure(`SBOM ${COUNT} components: read + validate + reconcile`, runs, async () => {
  const sbom = parseSbom(bytes)!;
  valid = (await validateSbom(bytes, sbom)).valid;
  verdict = reconcile(report, sbom).verdict;
});
figure.note = `${(bytes.length / 1048576).toFixed(1)} MiB, valid ${valid}, ${verdict}`;
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-sbom-bench-'));
const file = join(dir, 'big.cdx.json');
writeFileSync(file, text);
const jq = measureCommand('jq . on the same file', runs, 'jq', ['.', file]);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ figures: { sbom: figure, jq } }) + '\n');
