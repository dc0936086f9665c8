import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixture, gosymFuncs } from '../../../test/fixtures';
import type { Diagnostic } from '../io/errors';
import { parseFat } from '../formats/macho';
import type { GoReport } from '../report/types';
import { analyzeGo } from './index';
import { exeOf, truthText } from './testing/exes';
import { fakeExe } from './testing/fake-exe';
import { parseGoVersionText } from './testing/goversion-text';

// analyzeGo through the project's format readers, every fixture once.
const THIN = FIXTURES.filter((name) => name !== 'darwin-fat');
const reports = new Map<string, { go: GoReport | null; diagnostics: Diagnostic[] }>();

beforeAll(() => {
  for (const name of THIN) {
    const bytes = fixture(name);
    reports.set(name, analyzeGo(exeOf(bytes), bytes));
  }
});

describe('analyzeGo', () => {
  it.each(THIN)('%s: a full report without diagnostics', (name) => {
    const { go, diagnostics } = reports.get(name)!;
    const expected = parseGoVersionText(truthText(`${name}.goversion.txt`)!);
    expect(diagnostics).toEqual([]);
    expect(go!.version).toBe(expected.version);
    expect(go!.versionSource).toBe('buildinfo');
    expect(go!.buildInfo!.path).toBe(expected.path);
    expect(go!.pclntab).toMatchObject({ magic: '0xfffffff0', goVersionRange: '1.18-1.19' });
    expect(go!.functions.length).toBe(go!.pclntab!.functionCount);
    if (truthText(`${name}.funcs.tsv`)) expect(go!.functions.length).toBe(gosymFuncs(name).length);
  });

  it.each(THIN)('%s: packages and modules account for every function byte', (name) => {
    const go = reports.get(name)!.go!;
    const bytes = go.functions.reduce((sum, f) => sum + f.size, 0);
    expect(go.packages.reduce((sum, p) => sum + p.size, 0)).toBe(bytes);
    expect(go.modules.reduce((sum, m) => sum + m.size, 0)).toBe(bytes);
    expect(go.packages.reduce((sum, p) => sum + p.functionCount, 0)).toBe(go.functions.length);
    expect(go.packages.every((p) => p.module !== null)).toBe(true);
  });

  it('names modules as the build recorded them (hello: main module, greeting replaced by ../greeting)', () => {
    const go = reports.get('linux-amd64')!.go!;
    expect(go.modules.map((m) => [m.path, m.origin, m.version])).toEqual([
      ['example.com/hello', 'main', '(devel)'],
      ['example.com/greeting', 'recorded', 'v0.1.0'],
      ['std', 'std', 'go1.19.8'],
    ]);
    expect(go.modules[1]!.replace).toEqual({ path: '../greeting', version: '(devel)', sum: '' });
    expect(go.modules[0]!.packages).toEqual(['main']);
    expect(go.packages.find((p) => p.path === 'main')).toMatchObject({ class: 'main', module: 'example.com/hello' });
    expect(go.functions.find((f) => f.name === 'main.main')).toMatchObject({ package: 'main' });
  });

  it('reads the first slice of the fat Mach-O', () => {
    const bytes = fixture('darwin-fat');
    const { go } = analyzeGo(parseFat(bytes)!.exes[0]!, bytes);
    expect(go!.version).toBe('go1.19.8');
    // The first slice is darwin-amd64 (test/fixtures/build.sh), whose debug/gosym list is in the truth.
    expect(go!.functions.length).toBe(gosymFuncs('darwin-amd64').length);
  });

  it('is null when nothing Go-like is there', () => {
    const bytes = new Uint8Array(0x4000).fill(0x90);
    const exe = fakeExe(bytes, [{ name: '.text', kind: 'code', address: 0x401000, offset: 0, size: 0x4000 }]);
    expect(analyzeGo(exe, bytes)).toEqual({ go: null, diagnostics: [] });
  });
});
