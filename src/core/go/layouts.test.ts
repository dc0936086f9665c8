import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../io/errors';
import { readBuildInfo } from './buildinfo';
import { readFunctions } from './functions';
import { findPclntab, PCLNTAB_LAYOUTS } from './pclntab';
import { buildPclntab, ByteWriter, type SyntheticFunction, type SyntheticTable } from './testing/build-pclntab';
import { fakeExe } from './testing/fake-exe';
import { resolveTextStart } from './textstart';

// Tables and headers built from the byte layouts in shared/GO-FORMATS.md, for the layouts no fixture carries.
const FUNCTIONS: SyntheticFunction[] = [
  { name: 'runtime.text.first', entry: 0x401000, size: 0x40, file: '/src/runtime/a.go' },
  { name: 'github.com/x/y.(*T).M', entry: 0x401040, size: 0x80, file: '/src/y/t.go' },
  { name: 'asmhelper', entry: 0x4010c0, size: 0x20, file: null },
  { name: 'main.main', entry: 0x4010e0, size: 0x100, file: '/src/runtime/a.go' },
];

function spec(magic: number, ptrSize: 4 | 8, littleEndian: boolean): SyntheticTable {
  return { magic, ptrSize, littleEndian, minLC: ptrSize === 4 ? 4 : 1, textStart: 0x401000, functions: FUNCTIONS };
}

/** The table behind some unrelated bytes, so only a scan finds it. */
function withPrefix(table: Uint8Array, prefix = 0x200): Uint8Array {
  const bytes = new Uint8Array(prefix + table.length + 64);
  bytes.fill(0x5a, 0, prefix);
  bytes.set(table, prefix);
  return bytes;
}

describe('pclntab version table', () => {
  it('has one layout per magic, each with its release band', () => {
    expect(PCLNTAB_LAYOUTS.map((l) => [l.magic.toString(16), l.goVersions])).toEqual([
      ['fffffffb', '1.2-1.15'],
      ['fffffffa', '1.16-1.17'],
      ['fffffff0', '1.18-1.19'],
      ['fffffff1', '1.20+'],
    ]);
  });

  const cases = PCLNTAB_LAYOUTS.flatMap((layout) =>
    (
      [
        [8, true],
        [4, false],
        [4, true],
        [8, false],
      ] as const
    ).map(
      ([ptrSize, le]) => [layout.magic.toString(16), layout.magic, ptrSize, le] as [string, number, 4 | 8, boolean],
    ),
  );

  it.each(cases)('magic %s, %i-byte pointers, little-endian %s: scanned and read back', (_, magic, ptrSize, le) => {
    const bytes = withPrefix(buildPclntab(spec(magic, ptrSize, le)));
    const table = findPclntab(null, bytes)!;
    expect(table).not.toBeNull();
    expect(table.fileOffset).toBe(0x200);
    expect(table.layout.magic).toBe(magic);
    expect(table.nfiles).toBe(2);
    const textStart = resolveTextStart(table, null, bytes);
    expect(readFunctions(table, textStart.address)).toEqual(FUNCTIONS);
  });
});

describe('text start when the header has none (Go 1.26)', () => {
  const table = buildPclntab({ ...spec(0xfffffff1, 8, true), headerTextStart: 0 });
  const bytes = withPrefix(table, 0x1000);
  const tableAddress = 0x800000;
  const rodata = {
    name: '.gopclntab',
    kind: 'rodata' as const,
    address: tableAddress,
    offset: 0x1000,
    size: table.length,
  };

  it('uses runtime.text when there are symbols', () => {
    const exe = fakeExe(bytes, [rodata], { symbols: [{ name: 'runtime.text', address: 0x401000 }] });
    const found = findPclntab(exe, bytes)!;
    expect(resolveTextStart(found, exe, bytes)).toEqual({ address: 0x401000, source: 'symbol' });
    expect(readFunctions(found, 0x401000)).toEqual(FUNCTIONS);
  });

  it('uses moduledata.text, recognised by its pointers into the table', () => {
    const found = findPclntab(fakeExe(bytes, [rodata]), bytes)!;
    // moduledata: pcHeader, then {ptr,len,cap} slices funcnametab, cutab, filetab, pctab, pclntable, ftab; findfunctab,
    // minpc, maxpc, text (word 22).
    const words = new Array<number>(24).fill(0);
    const at = (offset: number): number => tableAddress + offset - found.start;
    words[0] = tableAddress;
    [
      [1, found.funcname],
      [4, found.cutab],
      [7, found.filetab],
      [10, found.pctab],
      [13, found.functab],
      [16, found.functab],
    ].forEach(([word, offset]) => {
      words[word!] = at(offset!);
    });
    words[17] = found.nfunc + 1;
    words[22] = 0x401000;
    const module = new ByteWriter(true);
    for (const word of words) module.put(word, 8);
    const data = new Uint8Array(bytes.length + 0x200);
    data.set(bytes);
    data.set(module.toBytes(), bytes.length + 0x40);
    const dataSection = {
      name: '.go.module',
      kind: 'data' as const,
      address: 0x900000,
      offset: bytes.length,
      size: 0x200,
    };
    const exe = fakeExe(data, [
      rodata,
      dataSection,
      { name: '.text', kind: 'code', address: 0x400000, offset: 0, size: 0x800 },
    ]);
    expect(resolveTextStart(findPclntab(exe, data)!, exe, data)).toEqual({ address: 0x401000, source: 'moduledata' });
  });

  it('falls back to the text section, then to plain offsets', () => {
    const exe = fakeExe(bytes, [rodata, { name: '.text', kind: 'code', address: 0x401000, offset: 0, size: 0x800 }]);
    expect(resolveTextStart(findPclntab(exe, bytes)!, exe, bytes)).toEqual({ address: 0x401000, source: 'section' });
    expect(resolveTextStart(findPclntab(null, bytes)!, null, bytes)).toEqual({ address: 0, source: 'unknown' });
  });
});

describe('pointer-format build info (Go ≤ 1.17)', () => {
  /** Header at 0x100 in a data section mapped at 0x500000; string headers and bytes after it. */
  function pointerFormat(ptrSize: 4 | 8, littleEndian: boolean, versionLength?: number): Uint8Array {
    const out = new ByteWriter(littleEndian);
    out.bytes.push(...new Array<number>(0x100).fill(0));
    out.bytes.push(0xff, 0x20, 0x47, 0x6f, 0x20, 0x62, 0x75, 0x69, 0x6c, 0x64, 0x69, 0x6e, 0x66, 0x3a);
    out.bytes.push(ptrSize, littleEndian ? 0 : 1);
    out.put(0x500200, ptrSize);
    out.put(0x500210, ptrSize);
    out.bytes.length = 0x200;
    out.bytes.fill(0, 0x120);
    const version = 'go1.16.15';
    const modinfo = `${'0'.repeat(16)}path\texample.com/old\nmod\texample.com/old\t(devel)\t\n${'1'.repeat(16)}`;
    out.put(0x500300, ptrSize, 0x200);
    out.put(versionLength ?? version.length, ptrSize, 0x200 + ptrSize);
    out.put(0x500400, ptrSize, 0x210);
    out.put(modinfo.length, ptrSize, 0x210 + ptrSize);
    out.bytes.length = 0x300;
    out.bytes.fill(0, 0x220);
    out.bytes.push(...new TextEncoder().encode(version.padEnd(0x100, '\0')), ...new TextEncoder().encode(modinfo));
    return out.toBytes();
  }

  it.each([
    [8, true],
    [4, false],
  ] as [4 | 8, boolean][])('%i-byte pointers, little-endian %s', (ptrSize, le) => {
    const bytes = pointerFormat(ptrSize, le);
    const exe = fakeExe(bytes, [{ name: '.data', kind: 'data', address: 0x500000, offset: 0, size: bytes.length }]);
    const result = readBuildInfo(exe, bytes);
    expect(result?.version).toBe('go1.16.15');
    expect(result?.info).toMatchObject({ path: 'example.com/old', source: 'header', offset: 0x100 });
    expect(result?.info.main).toEqual({ path: 'example.com/old', version: '(devel)', sum: '' });
  });

  it('rejects a 2^40 string length without reading it', () => {
    const bytes = pointerFormat(8, true, 2 ** 40);
    const exe = fakeExe(bytes, [{ name: '.data', kind: 'data', address: 0x500000, offset: 0, size: bytes.length }]);
    const diagnostics: Diagnostic[] = [];
    expect(readBuildInfo(exe, bytes, diagnostics)).toBeNull();
    expect(diagnostics[0]?.message).toMatch(/too large/);
  });
});
