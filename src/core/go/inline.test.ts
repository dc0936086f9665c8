import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../io/errors';
import { ByteReader } from '../io/reader';
import { inlineIndexAt, readInlineTrees } from './inline';
import { PCLNTAB_LAYOUTS, type Pclntab } from './pclntab';
import { ByteWriter } from './testing/build-pclntab';
import { fakeExe } from './testing/fake-exe';

/**
 * The layouts before 1.18, which no fixture has: funcdata are pointer-aligned absolute addresses after the pcdata
 * offsets, and _func starts with a pointer-sized entry followed by 8 u32 fields (1.16-1.17, with cuOffset) or 7
 * (1.12-1.15), then funcID, two pad bytes and nfuncdata (GO-FORMATS §2, §7). Names are offsets into funcnametab
 * (1.16+) or into the table itself (1.2 layout). One function at 0x1000 of 0x40 bytes inlines main.inner at +0x8,
 * which inlines main.leaf at +0x14; its inline index is 0 over [0x1010, 0x1020) and 1 over [0x1020, 0x1030).
 */
const BASE = 0x10000;
const NAMES = 0x100;
const PCTAB = 0x200;
const FUNCTAB = 0x300;
const RECORD = 0x340;
const TREE = 0x400;
const ENTRY = 0x1000;

function buildTable(magic: number): { bytes: Uint8Array; table: Pclntab } {
  const legacy = magic === 0xfffffffb;
  const out = new ByteWriter(true);
  out.bytes.push(...new Array<number>(0x500).fill(0));
  const funcname = legacy ? 0 : NAMES;
  const names = ['main.outer', 'main.inner', 'main.leaf'];
  const nameOff: number[] = [];
  let at = NAMES;
  for (const name of names) {
    nameOff.push(at - funcname);
    new TextEncoder().encode(name).forEach((byte, i) => out.put(byte, 1, at + i));
    at += name.length + 1;
  }
  // Inline index: -1 for 0x10 bytes, then 0, then 1 (zig-zag value deltas, pc deltas in bytes), then the end.
  [0, 0x10, 2, 0x10, 2, 0x10, 0].forEach((byte, i) => out.put(byte, 1, PCTAB + 1 + i));
  out.put(ENTRY, 8, FUNCTAB);
  out.put(RECORD - (legacy ? 0 : FUNCTAB), 8, FUNCTAB + 8);
  out.put(ENTRY + 0x40, 8, FUNCTAB + 16);
  const fields = legacy ? 7 : 8;
  out.put(ENTRY, 8, RECORD);
  out.put(nameOff[0]!, 4, RECORD + 8);
  out.put(3, 4, RECORD + 8 + 6 * 4); // npcdata
  out.put(4, 1, RECORD + 8 + fields * 4 + 3); // nfuncdata
  const tail = RECORD + 8 + fields * 4 + 4;
  // pcdata[2]: from pctab (1.16+) or, in the 1.2 layout, from the table start.
  out.put((legacy ? PCTAB : 0) + 1, 4, tail + 2 * 4);
  const funcdata = Math.ceil((tail + 3 * 4) / 8) * 8;
  out.put(BASE + TREE, 8, funcdata + 3 * 8);
  // Entries {parent i16, funcID u8, pad, file, line, nameOff, parentPc}.
  [
    [-1, nameOff[1]!, 0x8],
    [0, nameOff[2]!, 0x14],
  ].forEach(([parent, name, parentPc], i) => {
    out.put(parent! & 0xffff, 2, TREE + 20 * i);
    out.put(name!, 4, TREE + 20 * i + 12);
    out.put(parentPc!, 4, TREE + 20 * i + 16);
  });
  const bytes = out.toBytes();
  const table: Pclntab = {
    layout: PCLNTAB_LAYOUTS.find((l) => l.magic === magic)!,
    reader: new ByteReader(bytes),
    start: 0,
    fileOffset: 0,
    address: BASE,
    minLC: 1,
    ptrSize: 8,
    nfunc: 1,
    nfiles: 0,
    textStart: 0,
    funcname,
    cutab: legacy ? 0 : NAMES + 0x40,
    filetab: legacy ? 0x1f0 : NAMES + 0x40,
    pctab: legacy ? 0 : PCTAB,
    functab: FUNCTAB,
    funcBase: legacy ? 0 : FUNCTAB,
  };
  return { bytes, table };
}

describe.each([
  ['1.16-1.17', 0xfffffffa],
  ['1.12-1.15', 0xfffffffb],
])('inline trees in the %s layout', (_, magic) => {
  it('reads the entries through absolute funcdata pointers', () => {
    const { bytes, table } = buildTable(magic);
    const exe = fakeExe(bytes, [{ name: '.rodata', kind: 'rodata', address: BASE, offset: 0, size: bytes.length }]);
    const diagnostics: Diagnostic[] = [];
    const trees = readInlineTrees(
      {
        exe,
        file: bytes,
        table,
        textStart: 0,
        functions: [{ entry: ENTRY, size: 0x40 }],
        functionAt: (address) => (address === ENTRY ? 0 : -1),
      },
      diagnostics,
    )!;
    expect(diagnostics).toEqual([]);
    expect(trees.name.slice(0, trees.count)).toEqual(['main.inner', 'main.leaf']);
    expect(Array.from(trees.parent.slice(0, trees.count))).toEqual([-1, 0]);
    expect(Array.from(trees.callPc.slice(0, trees.count))).toEqual([ENTRY + 0x8, ENTRY + 0x14]);
    expect([0x1000, 0x1012, 0x1025, 0x1035].map((pc) => inlineIndexAt(trees, 0, pc))).toEqual([-1, 0, 1, -1]);
  });
});
