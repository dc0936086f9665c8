import { describe, expect, it } from 'vitest';
import { esbuildBinary, fixture } from '../../../test/fixtures';
import { parseElf } from '../formats/elf/index';
import { emptyReport } from '../report/build';
import { extractStrings } from '../strings/index';
import { analyzeFindings } from './index';
import { analyzeFixture } from './testing/fixture-report';

const CLEAN = [
  'linux-amd64',
  'linux-amd64-sw',
  'linux-amd64-trimpath',
  'linux-amd64-pie',
  'linux-amd64-cgo',
  'windows-amd64.exe',
  'darwin-arm64',
  'darwin-fat',
  'linux-386',
  'linux-arm',
  'linux-s390x',
  'linux-mips',
];

describe('binaries without planted secrets', () => {
  for (const name of CLEAN) {
    it(`${name} has nothing high or critical`, async () => {
      const { findings } = await analyzeFixture(name, fixture(name));
      const serious = findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
      expect(serious.map((f) => `${f.id}: ${f.evidence[0]?.value}`)).toEqual([]);
      expect(findings.filter((f) => f.kind === 'secret')).toEqual([]);
    });
  }

  it('esbuild (Go 1.26, stripped, no build info) has nothing high or critical, fast', () => {
    const file = esbuildBinary();
    const exe = parseElf(file)!;
    const report = emptyReport({ name: 'esbuild', size: file.length, sha256: '' });
    const started = performance.now();
    const strings = extractStrings(exe, file);
    const extracted = performance.now();
    const { findings } = analyzeFindings({ exe, file, report, strings });
    const done = performance.now();
    console.log(
      `esbuild ${(file.length / 2 ** 20).toFixed(1)} MiB: extractStrings ${(extracted - started).toFixed(0)} ms ` +
        `(${strings.length} strings, ${strings.filter((s) => s.encoding === 'go').length} cut as Go literals), ` +
        `analyzeFindings ${(done - extracted).toFixed(0)} ms, ${findings.length} findings`,
    );
    expect(findings.filter((f) => f.severity === 'critical' || f.severity === 'high')).toEqual([]);
    expect(findings.filter((f) => f.kind === 'secret' || f.kind === 'leak')).toEqual([]);
    // Well under a second on an idle machine; the bound leaves room for a loaded CI runner.
    expect(done - started).toBeLessThan(2000);
  });
});
