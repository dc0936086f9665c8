// Hostile inputs: each must give null, a FormatError or an Exe with diagnostics, quickly, and never anything else.
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures';
import { FormatError } from '../../io/errors';
import type { Exe } from '../exe';
import { parseFat, parseMachO } from './index';

const amd64 = fixture('darwin-amd64');
const fat = fixture('darwin-fat');

/** A copy with bytes or 32-bit words replaced; the fat header is big-endian, the thin fixtures little-endian. */
type Edit = readonly [offset: number, value: number, width: 1 | 4];

function damaged(source: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const copy = source.slice();
  const view = new DataView(copy.buffer);
  const littleEndian = source !== fat;
  for (const [offset, value, width] of edits) {
    if (width === 1) copy[offset] = value;
    else view.setUint32(offset, value, littleEndian);
  }
  return copy;
}

/** Runs a parser and says which of the allowed outcomes it gave; anything else fails the test by throwing. */
function outcome<T>(parse: () => T): T | FormatError {
  try {
    return parse();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
}

/** Offsets in darwin-amd64, from its llvm-objdump header dump: first command at 32, LC_SYMTAB's nsyms. */
const FIRST_COMMAND = 32;
const SYMTAB_COMMAND = 32 + 72 + 632 + 552 + 632 + 72 + 24 + 184;

describe('damaged thin Mach-O', () => {
  it('returns null for a flipped magic', () => {
    expect(parseMachO(damaged(amd64, [[0, 0x00, 1]]))).toBeNull();
    expect(parseMachO(damaged(amd64, [[3, 0x00, 1]]))).toBeNull();
    expect(parseMachO(new Uint8Array(0))).toBeNull();
  });

  it('gives a FormatError or diagnostics when truncated at every 1/64', () => {
    const started = performance.now();
    for (let step = 1; step < 64; step++) {
      const cut = Math.floor((amd64.length * step) / 64);
      const result = outcome(() => parseMachO(amd64.subarray(0, cut)));
      if (result instanceof FormatError) continue;
      expect(result).not.toBeNull();
      expect((result as Exe).diagnostics.length).toBeGreaterThan(0);
    }
    for (const cut of [4, 8, 20, 31, 100])
      expect(outcome(() => parseMachO(amd64.subarray(0, cut)))).toBeInstanceOf(FormatError);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('damaged load commands', () => {
  it('rejects ncmds = 0xffffffff with a FormatError', () => {
    const result = outcome(() => parseMachO(damaged(amd64, [[16, 0xffffffff, 4]])));
    expect(result).toBeInstanceOf(FormatError);
    expect((result as FormatError).offset).toBe(16);
  });

  it('stops at a load command with cmdsize 0 instead of looping', () => {
    const first = parseMachO(damaged(amd64, [[FIRST_COMMAND + 4, 0, 4]]))!;
    expect(first.sections).toEqual([]);
    expect(first.diagnostics).toMatchObject([{ level: 'error', source: 'macho', offset: FIRST_COMMAND + 4 }]);
    const later = parseMachO(damaged(amd64, [[SYMTAB_COMMAND + 4, 0, 4]]))!;
    expect(later.sections.length).toBe(20);
    expect(later.symbols).toEqual([]);
    expect(later.diagnostics).toHaveLength(1);
  });

  it('keeps the sections when nsyms is 2^31, the string table is out of the file or every name is bad', () => {
    const edits: Edit[] = [
      [SYMTAB_COMMAND + 12, 2 ** 31, 4],
      [SYMTAB_COMMAND + 16, 0xfffffff0, 4],
      [SYMTAB_COMMAND + 20, 1, 4],
    ];
    for (const edit of edits) {
      const exe = parseMachO(damaged(amd64, [edit]))!;
      expect(exe.sections.length).toBe(20);
      expect(exe.symbols).toEqual([]);
      expect(exe.diagnostics).toMatchObject([{ level: 'error', source: 'macho' }]);
    }
  });

  it('keeps the other commands when one segment claims too many sections', () => {
    const textNsects = FIRST_COMMAND + 72 + 64;
    const exe = parseMachO(damaged(amd64, [[textNsects, 0x7fffffff, 4]]))!;
    expect(exe.segments.map((s) => s.type)).toEqual(['__PAGEZERO', '__DATA', '__DWARF', '__LINKEDIT']);
    expect(exe.linkage.needed).toEqual(['/usr/lib/libSystem.B.dylib']);
    expect(exe.diagnostics).toHaveLength(1);
  });

  it('rejects a sizeofcmds past the end of the file', () => {
    expect(outcome(() => parseMachO(damaged(amd64, [[20, 0x7fffffff, 4]])))).toBeInstanceOf(FormatError);
  });
});

describe('damaged fat Mach-O', () => {
  it('rejects nfat_arch huge or zero with a FormatError', () => {
    expect(outcome(() => parseFat(damaged(fat, [[4, 0xffffffff, 4]])))).toBeInstanceOf(FormatError);
    expect(outcome(() => parseFat(damaged(fat, [[4, 1000, 4]])))).toBeInstanceOf(FormatError);
    expect(outcome(() => parseFat(damaged(fat, [[4, 0, 4]])))).toBeInstanceOf(FormatError);
  });

  it('keeps the good slice when the other runs past the end', () => {
    const secondSize = 8 + 20 + 12;
    const result = parseFat(damaged(fat, [[secondSize, 0x7fffffff, 4]]))!;
    expect(result.exes.map((e) => e.arch)).toEqual(['x86_64']);
    expect(result.sliceOffsets).toEqual([1 << 14]);
    expect(result.diagnostics).toMatchObject([{ level: 'error', source: 'macho', offset: 1589248 }]);
  });

  it('reports a slice that is not Mach-O, with its fat-file offset', () => {
    const result = parseFat(damaged(fat, [[1 << 14, 0, 4]]))!;
    expect(result.exes.map((e) => e.arch)).toEqual(['arm64']);
    expect(result.diagnostics).toMatchObject([{ offset: 1 << 14 }]);
  });

  it('gives a FormatError when no slice can be read', () => {
    const noSlice = damaged(fat, [
      [8 + 8, 0x7fffffff, 4],
      [8 + 20 + 8, 0x7fffffff, 4],
    ]);
    expect(outcome(() => parseFat(noSlice))).toBeInstanceOf(FormatError);
  });

  it('gives a FormatError or a partial result when truncated at every 1/64', () => {
    for (let step = 1; step < 64; step++) {
      const result = outcome(() => parseFat(fat.subarray(0, Math.floor((fat.length * step) / 64))));
      if (result instanceof FormatError) continue;
      expect(result).not.toBeNull();
      const diagnostics = result!.diagnostics.length + result!.exes.reduce((n, e) => n + e.diagnostics.length, 0);
      expect(diagnostics).toBeGreaterThan(0);
    }
  });

  it('returns null for Java class files, which share the 0xcafebabe magic', () => {
    // magic, minor 0, major 52 (Java 8), constant pool count 29, then a Methodref tag (10).
    const javaClass = Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34, 0, 0x1d, 0x0a, 0, 0x06, 0, 0x0f]);
    expect(parseFat(javaClass)).toBeNull();
    expect(parseFat(javaClass.subarray(0, 8))).toBeNull();
    // A preview-feature class (minor 0xffff, major 65 = Java 21).
    expect(parseFat(Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0xff, 0xff, 0, 0x41, 0, 0x1d, 0x0a, 0, 0x06]))).toBeNull();
    expect(parseMachO(javaClass)).toBeNull();
  });
});
