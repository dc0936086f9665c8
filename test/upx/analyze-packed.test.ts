import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analyze';
import { parseGoVersionText } from '../../src/core/go/testing/goversion-text';
import { verdictParagraph } from '../../src/core/report/html/verdict';
import { fixture, truth } from '../fixtures';
import { packUpx } from './packer';

// The whole analysis on files the test packer made from committed fixtures: every fact must be the original's,
// checked against `go version -m` of the original fixture (truth/), not against our own output.
const cases = [
  { name: 'linux-amd64', method: 8, filter: 0x49 as const, methods: ['NRV2E (LE32)'] },
  { name: 'linux-amd64-sw', method: 14, filter: 0 as const, methods: ['LZMA'] },
];
const results = new Map<string, Analysis>();

beforeAll(async () => {
  for (const c of cases) {
    const packed = packUpx(fixture(c.name), { method: c.method, filter: c.filter, blockSize: 512 * 1024 });
    results.set(c.name, await analyze(packed, { fileName: `${c.name}.upx` }));
  }
}, 120_000);

describe.each(cases)('a UPX-packed $name', (c) => {
  it('is reported as packed with UPX 4.24 and unpacked in memory', () => {
    const { report } = results.get(c.name)!;
    const original = fixture(c.name);
    expect(report.packed).toMatchObject({ packer: 'UPX', version: '4.24', unpacked: true });
    expect(report.packed!.image).toMatchObject({
      format: 'Linux ELF amd64',
      methods: c.methods,
      unpackedSize: original.length,
      sha256: createHash('sha256').update(original).digest('hex'),
    });
    expect(report.file.size).not.toBe(original.length);
    expect(report.diagnostics.filter((d) => d.source === 'unpack')).toEqual([]);
  });

  it('has the build info `go version -m` prints for the original', () => {
    const { report } = results.get(c.name)!;
    const expected = parseGoVersionText(truth(`${c.name}.goversion.txt`));
    expect(report.detection.isGo).toBe(true);
    expect(report.detection.reason).toMatch(/unpacked from UPX 4\.24$/);
    expect(report.go!.version).toBe(expected.version);
    expect(report.go!.buildInfo!.path).toBe(expected.path);
    expect(report.go!.buildInfo!.main).toMatchObject(expected.main!);
    expect(report.go!.buildInfo!.deps.map((d) => [d.path, d.version])).toEqual(
      expected.deps.map((d) => [d.path, d.version]),
    );
    expect(report.go!.buildInfo!.settings).toEqual(expected.settings);
    expect(report.go!.functions.length).toBeGreaterThan(1000);
  });

  it('says in the audit text that the report is of the unpacked program', () => {
    const text = verdictParagraph(results.get(c.name)!.report);
    expect(text).toContain('packed with UPX 4.24; Gobinscope unpacked it in memory');
    expect(text).not.toContain('contents are hidden');
  });
});

describe('a packed file that cannot be unpacked', () => {
  it('keeps the report of the packed file and says why in a diagnostic', async () => {
    const packed = packUpx(fixture('linux-amd64-sw'), { method: 2 });
    // The end-of-blocks marker is the last "UPX!" before the 36-byte PackHeader and overlay offset.
    packed[Buffer.from(packed).lastIndexOf('UPX!', packed.length - 37)]! ^= 0xff;
    const { report } = await analyze(packed, { fileName: 'damaged.upx' });
    expect(report.packed).toMatchObject({ packer: 'UPX', version: '4.24' });
    expect(report.packed!.unpacked).toBeUndefined();
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ source: 'unpack' }));
  });
});
