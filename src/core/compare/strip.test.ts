import { describe, expect, it } from 'vitest';
import { gosymFuncs, parseNm, truth } from '../../../test/fixtures';
import {
  absoluteFiles,
  compareFixtures,
  comparedBeforeAll,
  expectSectionsMatchReadelf,
  readelfRemoved,
  readelfRows,
  truthSectionDiff,
} from './testing';

// Truth: test/fixtures/build.sh made linux-amd64-strip with `strip -s` on a copy of linux-amd64, and
// linux-amd64-sw with a separate `go build -ldflags="-s -w"` of the same source.

describe('linux-amd64 → linux-amd64-strip (strip -s)', () => {
  const compared = comparedBeforeAll('linux-amd64', 'linux-amd64-strip');
  const strip = () => compared().stripVerification!;

  it('recognises B as a stripped copy whose code and data are byte-identical', async () => {
    expect(strip()).toBeDefined();
    expect(strip()).toMatchObject({ stripped: 'b', method: 'strip', codeIdentical: true, differences: [] });
    expect(strip().comparedSections.map((s) => s.name)).toEqual([
      '.text',
      '.rodata',
      '.gopclntab',
      '.noptrdata',
      '.data',
      '.go.buildinfo',
    ]);
    await expectSectionsMatchReadelf(compared(), 'linux-amd64', 'linux-amd64-strip');
    expect(compared().summary[0]).toMatch(/^Code identical/);
  });

  it('lists the removed sections with the sizes readelf gives', () => {
    const expected = readelfRemoved('linux-amd64', 'linux-amd64-strip');
    expect(expected.map((s) => s.name)).toEqual(
      expect.arrayContaining(['.symtab', '.strtab', '.debug_info', '.debug_line']),
    );
    expect(strip().removedSections).toEqual(expected);
    expect(strip().bytesFreed).toBe(expected.reduce((sum, s) => sum + s.size, 0));
  });

  it('counts the symbols before and after as nm does', () => {
    expect(parseNm(truth('linux-amd64-strip.nm.txt'))).toHaveLength(0);
    expect(strip().symbolsAfter).toBe(0);
    expect(strip().symbolsBefore).toBeGreaterThanOrEqual(parseNm(truth('linux-amd64.nm.txt')).length);
  });

  it('says the pclntab source paths still leak and that -trimpath removes them', () => {
    const files = absoluteFiles('linux-amd64-strip');
    const leak = strip().stillLeaks.find((l) => l.flag === '-trimpath' && /source paths/.test(l.what));
    expect(leak?.what).toContain(`${files.length} files`);
    expect(files.some((file) => leak!.evidence.includes(file))).toBe(true);
    // Built with -buildvcs=false and without -X: neither may be reported.
    expect(strip().stillLeaks.some((l) => l.flag === '-buildvcs=false' || /-X values/.test(l.what))).toBe(false);
  });

  it('sees the same strip when the stripped file is given first', async () => {
    const reversed = await compareFixtures('linux-amd64-strip', 'linux-amd64');
    expect(reversed.stripVerification?.stripped).toBe('a');
    expect(reversed.stripVerification?.codeIdentical).toBe(true);
    expect(reversed.stripVerification?.removedSections).toEqual(strip().removedSections);
  });
});

describe('linux-amd64 → linux-amd64-sw (-ldflags="-s -w")', () => {
  const compared = comparedBeforeAll('linux-amd64', 'linux-amd64-sw');

  it('has .text of the same size as readelf shows, but not the same bytes', async () => {
    const [textA, textB] = ['linux-amd64', 'linux-amd64-sw'].map((n) =>
      readelfRows(n).find((r) => r.name === '.text')!,
    );
    expect(textA!.size).toBe(textB!.size);
    const truthText = await truthSectionDiff('linux-amd64', 'linux-amd64-sw', '.text');
    expect(truthText.sha256A).not.toBe(truthText.sha256B);
    const c = compared();
    await expectSectionsMatchReadelf(c, 'linux-amd64', 'linux-amd64-sw');
    const text = c.code.sections.find((s) => s.name === '.text')!;
    expect(text.firstDifference?.fileOffsetA).toBe(textA!.offset + truthText.firstDifference);
    expect(c.code.identical).toBe(false);
    expect(c.summary[0]).toMatch(/^Code differs: \d+ bytes in \.text/);
  });

  it('keeps pclntab byte for byte: the same functions at the same addresses', async () => {
    const pclntab = await truthSectionDiff('linux-amd64', 'linux-amd64-sw', '.gopclntab');
    const c = compared();
    expect(c.code.sections.find((s) => s.name === '.gopclntab')?.identical).toBe(pclntab.sha256A === pclntab.sha256B);
    expect(c.functions.added.count + c.functions.removed.count).toBe(0);
    expect(c.functions.countB).toBe(gosymFuncs('linux-amd64-sw').length);
  });

  it('reports a separate link without symbols, with what differs', () => {
    const c = compared();
    const strip = c.stripVerification!;
    expect(strip).toMatchObject({ stripped: 'b', method: 'linker', codeIdentical: false, symbolsAfter: 0 });
    expect(strip.removedSections).toEqual(readelfRemoved('linux-amd64', 'linux-amd64-sw'));
    expect(strip.differences.some((d) => /build setting added -ldflags=.*-s -w/.test(d))).toBe(true);
    expect(strip.differences.some((d) => d.startsWith('.text: '))).toBe(true);
    expect(c.buildSettings.added.map((s) => [s.key, s.after?.replace(/"/g, '')])).toEqual([['-ldflags', '-s -w']]);
  });
});
