import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import type { Exe } from '../formats/exe';
import { analyzeGo } from '../go/index';
import { ByteReader } from '../io/reader';
import { analyze } from '../analyze';
import { followCode } from './index';
import type { CodeFacts } from './types';

/**
 * Damage to the inline data and the code of inlined-linux-amd64 (Go 1.19): each case changes a copy of the file
 * where GO-FORMATS §2 and §7 put the field, and the pass must end in diagnostics, quickly, with the rest intact.
 * _func (1.18-1.19): u32 entryOff, then u32 fields 1-8 (npcdata is field 7), then funcID, flag, pad, nfuncdata;
 * then npcdata u32 pcdata offsets, then nfuncdata u32 funcdata offsets from go.func.*. Inline entries are 20 bytes
 * {parent i16, funcID u8, pad, file, line, nameOff, parentPc}.
 */
const NAME = 'inlined-linux-amd64';
const FUNCDATA_INLTREE = 3;
const PCDATA_INLTREEINDEX = 2;

interface Layout {
  /** File offset of main.main's _func. */
  record: number;
  npcdata: number;
  /** File offset of main.main's inline tree. */
  tree: number;
}

function parse(bytes: Uint8Array) {
  const exe = parseExecutable(bytes)!.exes[0]!;
  const go = analyzeGo(exe, bytes);
  return { exe, go, table: go.pclntab!, functions: go.tableFunctions! };
}

function follow(bytes: Uint8Array): { code: CodeFacts; names: string[] } {
  const { exe, table, functions } = parse(bytes);
  return { code: followCode(exe, table, functions, bytes), names: functions.map((f) => f.name) };
}

function layoutOf(bytes: Uint8Array): Layout {
  const { exe, table, functions } = parse(bytes);
  const reader = new ByteReader(bytes);
  const main = functions.find((f) => f.name === 'main.main')!;
  let slot = 0;
  while (table.textStart + reader.u32(table.functab + 8 * slot) !== main.entry) slot++;
  const record = table.funcBase + reader.u32(table.functab + 8 * slot + 4);
  const npcdata = reader.u32(record + 4 + 6 * 4);
  const tail = record + 4 + 8 * 4 + 4;
  const gofunc = exe.symbols.find((s) => s.name === 'go.func.*')!.address;
  const tree = exe.fileOffsetOf(gofunc + reader.u32(tail + 4 * npcdata + 4 * FUNCDATA_INLTREE));
  return { record, npcdata, tree };
}

function framesIn(result: { code: CodeFacts; names: string[] }, outer: string): string[] {
  const inline = result.code.inline!;
  return inline.name.filter((_, f) => result.names[inline.outer[f]!] === outer);
}

function inlineDiagnostics(code: CodeFacts): string[] {
  return code.diagnostics.filter((d) => d.source === 'inline').map((d) => d.message);
}

describe('damaged inline data', () => {
  const intact = fixture(NAME);
  const layout = layoutOf(intact);
  const tail = layout.record + 40;
  const put32 = (bytes: Uint8Array, at: number, value: number) => new DataView(bytes.buffer).setUint32(at, value, true);
  const damaged = (change: (bytes: Uint8Array) => void) => {
    const bytes = intact.slice();
    change(bytes);
    return follow(bytes);
  };

  it('reads main.main and main.twice intact', () => {
    const result = follow(intact);
    expect(framesIn(result, 'main.main')).toContain('main.leaf');
    expect(framesIn(result, 'main.twice')).toEqual(['main.(*counter).bump', 'main.(*counter).bump']);
  });

  it('an inline tree offset out of range costs that function its frames', () => {
    const result = damaged((bytes) => put32(bytes, tail + 4 * layout.npcdata + 4 * FUNCDATA_INLTREE, 0x7ffffff0));
    expect(inlineDiagnostics(result.code)).toEqual([expect.stringMatching(/is not in the file/)]);
    expect(framesIn(result, 'main.main')).toEqual([]);
    expect(framesIn(result, 'main.twice')).toHaveLength(2);
  });

  it('a parent index that points at itself is a loop, reported', () => {
    // main.main's entries: outer, middle (parent 0), leaf (parent 1), ...; leaf now names itself.
    const result = damaged((bytes) => new DataView(bytes.buffer).setInt16(layout.tree + 2 * 20, 2, true));
    expect(inlineDiagnostics(result.code)).toEqual([expect.stringMatching(/its own ancestor/)]);
    expect(framesIn(result, 'main.main')).toEqual([]);
    expect(framesIn(result, 'main.twice')).toHaveLength(2);
  });

  it('a parent index after the entry is a loop too', () => {
    const result = damaged((bytes) => new DataView(bytes.buffer).setInt16(layout.tree + 20, 2, true));
    expect(inlineDiagnostics(result.code)).toEqual([expect.stringMatching(/its own ancestor/)]);
  });

  it('a name offset out of the name table is reported', () => {
    const result = damaged((bytes) => put32(bytes, layout.tree + 12, 0x7fffffff));
    expect(inlineDiagnostics(result.code)).toEqual([expect.stringMatching(/does not hold up/)]);
  });

  it('a pc table that never ends is reported, with its offset', () => {
    const { table } = parse(intact);
    const offset = table.pctab + new ByteReader(intact).u32(tail + 4 * PCDATA_INLTREEINDEX);
    const result = damaged((bytes) => bytes.fill(0xff, offset, offset + 8));
    const diagnostics = result.code.diagnostics.filter((d) => d.source === 'inline');
    expect(diagnostics).toEqual([expect.objectContaining({ offset, message: expect.stringMatching(/varint/) })]);
    expect(framesIn(result, 'main.main')).toEqual([]);
  });

  it('a huge pcdata count fails its record, not the pass', () => {
    const result = damaged((bytes) => put32(bytes, layout.record + 4 + 6 * 4, 0xfffffff0));
    expect(inlineDiagnostics(result.code)).toHaveLength(1);
    expect(result.code.calls.count).toBeGreaterThan(8000);
  });
});

describe('damaged or truncated code', () => {
  const intact = fixture(NAME);

  it('a code section shorter than its functions is followed as far as it goes', () => {
    const { exe, table, functions } = parse(intact);
    const text = exe.sections.find((s) => s.name === '.text')!;
    const half = Math.floor(text.size / 2);
    const shortened: Exe = {
      ...exe,
      sectionData: (s) => (s === text ? exe.sectionData(s)!.subarray(0, half) : exe.sectionData(s)),
    };
    const code = followCode(shortened, table, functions, intact);
    expect(code.calls.count).toBeGreaterThan(1000);
    expect(Array.from(code.calls.pc).every((pc) => pc + 5 <= text.address + half)).toBe(true);
    expect(code.codeBytes).toBeLessThanOrEqual(half);
    expect(code.diagnostics).toEqual([expect.objectContaining({ source: 'code', level: 'warning' })]);
  });

  // Cuts lose the section headers (at the end of an ELF file); the program headers still map the code.
  it('the file cut at every 1/16 still analyses, and the pass runs on what is left', async () => {
    const followed: number[] = [];
    for (let i = 1; i < 16; i++) {
      const bytes = intact.slice(0, Math.floor((intact.length * i) / 16));
      const { report } = await analyze(bytes, { fileName: `cut-${i}` });
      if (report.go?.code?.calls) followed.push(i);
    }
    expect(followed.length).toBeGreaterThan(0);
  });
});
