// Hostile and damaged inputs: each must end fast in null, a FormatError, or an Exe whose diagnostics say what
// could not be read, never in a TypeError, a hang or a huge allocation.
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { MAX_IMPORTS } from '../../io/limits';
import { FormatError } from '../../io/errors';
import type { Exe } from '../exe';
import { parsePe } from './index';
import { MAX_IMPORT_DLLS } from './limits';
import { parseObjdumpSections, patched, peLayout, touchAll, u32At, type Edit } from './test-support';

const amd64 = fixture('windows-amd64.exe');
const layout = peLayout(amd64);
const rows = parseObjdumpSections(truth('windows-amd64.exe.objdump-h.txt'));
const row = (name: string) => rows.find((r) => r.name === name)!;
const importDescriptor = row('.idata').fileOffset; // the import directory starts .idata in Go's layout

/** Parses and touches everything an Exe offers, so lazy paths are exercised too. */
function outcome(bytes: Uint8Array): Exe | null | FormatError {
  try {
    const exe = parsePe(bytes);
    touchAll(exe);
    return exe;
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
}

function readable(bytes: Uint8Array): Exe {
  const result = outcome(bytes);
  if (!result || result instanceof FormatError) throw new Error(`expected an Exe, got ${String(result)}`);
  return result;
}

describe('not PE', () => {
  it('a flipped "PE" signature is null', () => {
    const lfanew = u32At(amd64, 0x3c);
    expect(parsePe(patched(amd64, [[lfanew, 1, 0x50 ^ 0xff]]))).toBeNull();
  });

  it('an e_lfanew past the file is null', () => {
    expect(parsePe(patched(amd64, [[0x3c, 4, amd64.length + 16]]))).toBeNull();
    expect(parsePe(patched(amd64, [[0x3c, 4, 0xffff_ffff]]))).toBeNull();
  });

  it('no MZ, or fewer bytes than a DOS header, is null', () => {
    expect(parsePe(patched(amd64, [[0, 2, 0x4d4e]]))).toBeNull();
    expect(parsePe(amd64.subarray(0, 0x3f))).toBeNull();
    expect(parsePe(new Uint8Array(0))).toBeNull();
  });
});

describe('truncation', () => {
  it.each(['windows-amd64.exe', 'windows-386.exe'])('%s at every 1/64 ends in FormatError or diagnostics', (name) => {
    const bytes = fixture(name);
    const started = performance.now();
    for (let step = 1; step < 64; step++) {
      const result = outcome(bytes.subarray(0, Math.floor((bytes.length * step) / 64)));
      expect(result).not.toBeNull();
      // Both fixtures end in their COFF symbol or string table, so every readable cut has something to report.
      if (!(result instanceof FormatError)) expect(result!.diagnostics.length).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('hostile counts', () => {
  it('NumberOfSections 0xffff is a FormatError: the table would run past the file', () => {
    expect(outcome(patched(amd64, [[layout.coff + 2, 2, 0xffff]]))).toBeInstanceOf(FormatError);
  });

  it.each([2 ** 31, 0xffff_ffff])('NumberOfSymbols %d is a diagnostic; sections and imports survive', (count) => {
    const exe = readable(patched(amd64, [[layout.coff + 12, 4, count]]));
    expect(exe.diagnostics.length).toBeGreaterThan(0);
    expect(exe.symbols.filter((s) => !s.dynamic)).toEqual([]);
    expect(exe.sections.map((s) => s.address)).toEqual(rows.map((r) => r.vma));
    // Long section names live in the lost string table: the raw "/4" form stays.
    expect(exe.sections[3]!.name).toMatch(/^\/\d+$/);
    expect(exe.linkage.needed).toEqual(['kernel32.dll']);
  });

  it('a PointerToSymbolTable past the file is a diagnostic', () => {
    const exe = readable(patched(amd64, [[layout.coff + 8, 4, 0xffff_0000]]));
    expect(exe.diagnostics.length).toBeGreaterThan(0);
    expect(exe.linkage.needed).toEqual(['kernel32.dll']);
  });
});

describe('import directory', () => {
  it('a descriptor array that never ends stops at the caps with a diagnostic', () => {
    // Fill .rdata with copies of the real descriptor and point the import directory there: no terminator.
    const rdata = row('.rdata');
    const copies = MAX_IMPORT_DLLS + 8;
    const copy = amd64.slice();
    const descriptor = amd64.slice(importDescriptor, importDescriptor + 20);
    for (let i = 0; i < copies; i++) copy.set(descriptor, rdata.fileOffset + i * 20);
    const bytes = patched(copy, [
      [layout.directories + 8, 4, rdata.vma - 0x400000],
      [layout.directories + 12, 4, 20],
    ]);
    const started = performance.now();
    const exe = readable(bytes);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(exe.diagnostics.length).toBe(1);
    expect(exe.linkage.needed).toEqual(['kernel32.dll']);
    expect(exe.symbols.filter((s) => s.dynamic).length).toBeLessThanOrEqual(MAX_IMPORTS);
  });

  it('a lookup table that points into itself ends at the file or the caps', () => {
    const lookupRva = u32At(amd64, importDescriptor);
    const lookupAt = importDescriptor + (lookupRva - u32At(amd64, layout.directories + 8));
    const edits: Edit[] = [0, 1, 2, 3].map((i) => [lookupAt + 8 * i, 8, BigInt(lookupRva)]);
    const exe = readable(patched(amd64, edits));
    expect(exe.sections.length).toBe(rows.length);
    expect(exe.symbols.filter((s) => !s.dynamic).length).toBeGreaterThan(1000);
  });

  it.each([
    ['a DLL name RVA out of the file', 12, []],
    ['a lookup table RVA out of the file', 0, ['kernel32.dll']],
  ])('%s is a diagnostic; symbols survive', (_what, field, needed) => {
    const exe = readable(patched(amd64, [[importDescriptor + field, 4, 0x7fff_0000]]));
    expect(exe.linkage.needed).toEqual(needed);
    expect(exe.diagnostics.length).toBe(1);
    expect(exe.symbols.filter((s) => !s.dynamic).length).toBeGreaterThan(1000);
  });

  it('an address table RVA out of the file is no obstacle: names come from the lookup table', () => {
    const exe = readable(patched(amd64, [[importDescriptor + 16, 4, 0x7fff_0000]]));
    expect(exe.diagnostics).toEqual([]);
    const names = (e: Exe) => e.symbols.filter((s) => s.dynamic).map((s) => s.name);
    expect(names(exe)).toEqual(names(readable(amd64)));
  });
});

describe('debug directory', () => {
  it.each([
    ['an RVA out of the file', 0x7fff_0000, 28],
    ['a size of 2^32-1', row('.rdata').vma - 0x400000, 0xffff_ffff],
  ])('%s is a diagnostic', (_what, rva, size) => {
    const exe = readable(
      patched(amd64, [
        [layout.directories + 48, 4, rva],
        [layout.directories + 52, 4, size],
      ]),
    );
    expect(exe.diagnostics.length).toBe(1);
    expect(exe.notes).toEqual([]);
    expect(exe.linkage.needed).toEqual(['kernel32.dll']);
  });
});

describe('optional header', () => {
  it('SizeOfOptionalHeader too small for PE32+ is a FormatError', () => {
    expect(outcome(patched(amd64, [[layout.coff + 16, 2, 100]]))).toBeInstanceOf(FormatError);
    expect(outcome(patched(amd64, [[layout.coff + 16, 2, 0]]))).toBeInstanceOf(FormatError);
  });

  it('NumberOfRvaAndSizes 2^32-1 reads only the 16 directories that fit', () => {
    const exe = readable(patched(amd64, [[layout.optional + 108, 4, 0xffff_ffff]]));
    expect(exe.linkage.needed).toEqual(['kernel32.dll']);
    expect(exe.diagnostics).toEqual([]);
  });
});
