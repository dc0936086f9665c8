// The PE reader against tools that are not ours: binutils `objdump -h` (test/fixtures/truth), Go's own debug/pe
// (truth/*.dump.json), `go tool nm` (truth/*.gonm.txt) and binutils 2.40 `objdump -p` (truth/*.objdump-p.txt, captured by
// test/fixtures/build.sh; header part only for amd64: see the imports test).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, parseNm, truth } from '../../../../test/fixtures';
import type { Exe } from '../exe';
import { parsePe } from './index';
import { parseObjdumpPrivate, parseObjdumpSections, type GoDump } from './test-support';

const FILES = ['windows-amd64.exe', 'windows-386.exe'] as const;

function load(name: string): Exe {
  const exe = parsePe(fixture(name));
  if (!exe) throw new Error(`${name} was not read as PE`);
  return exe;
}

function objdumpPrivate(name: string) {
  return parseObjdumpPrivate(
    readFileSync(new URL(`../../../../test/fixtures/truth/${name}.objdump-p.txt`, import.meta.url), 'utf8'),
  );
}

const dump = (name: string): GoDump => JSON.parse(truth(`${name}.dump.json`)) as GoDump;

describe.each(FILES)('%s sections', (name) => {
  const exe = load(name);

  it('match Go debug/pe: name, address, offset and VirtualSize', () => {
    const mine = exe.sections.map(({ name, address, offset, size }) => ({ name, address, offset, size }));
    expect(mine).toEqual(dump(name).sections);
  });

  it('match objdump -h: name, VMA, file offset, and the mapped size', () => {
    const rows = parseObjdumpSections(truth(`${name}.objdump-h.txt`));
    expect(exe.sections.map((s) => s.name)).toEqual(rows.map((r) => r.name));
    for (const [index, row] of rows.entries()) {
      const section = exe.sections[index]!;
      expect([section.address, section.offset]).toEqual([row.vma, row.fileOffset]);
      // objdump prints a .zdebug_* section's uncompressed size, which its "ZLIB" header stores big-endian
      // after the magic; every other size is the smaller of VirtualSize and SizeOfRawData.
      expect(section.name.startsWith('.zdebug_') ? zlibSize(exe, section.name) : section.fileSize).toBe(row.size);
      expect(section.type === 'CODE').toBe(row.flags.includes('CODE'));
      expect(section.flags[1] === '-').toBe(row.flags.includes('READONLY'));
      expect(section.kind === 'debug').toBe(row.flags.includes('DEBUGGING'));
    }
  });
});

function zlibSize(exe: Exe, sectionName: string): number {
  const data = exe.sectionData(exe.sections.find((s) => s.name === sectionName)!)!;
  expect(new TextDecoder().decode(data.subarray(0, 4))).toBe('ZLIB');
  return Number(new DataView(data.buffer, data.byteOffset + 4, 8).getBigUint64(0, false));
}

describe.each(FILES)('%s symbols', (name) => {
  const exe = load(name);
  const coffSymbols = exe.symbols.filter((s) => !s.dynamic);

  it('count as Go debug/pe does (it drops auxiliary records, as we do)', () => {
    expect(coffSymbols.length).toBe(dump(name).symbols);
  });

  it('include every go tool nm symbol at its address, text symbols as functions', () => {
    const byName = new Map(coffSymbols.map((s) => [s.name, s]));
    const nm = parseNm(truth(`${name}.gonm.txt`));
    // Collected and compared once: thousands of separate expects would dominate the run time.
    const mismatches = nm.filter((entry) => {
      const symbol = byName.get(entry.name);
      return symbol?.address !== entry.address || symbol.kind !== (entry.type === 'T' ? 'func' : 'object');
    });
    expect(mismatches).toEqual([]);
    if (name === 'windows-amd64.exe') expect(nm.filter((e) => e.type === 'T').length).toBeGreaterThan(1000);
  });
});

describe('imports', () => {
  const expected = objdumpPrivate('windows-386.exe').imports;

  it('Go debug/pe has no truth to give: its ImportedLibraries returns nil for PE files', () => {
    for (const name of FILES) expect(dump(name).importedLibraries).toBeNull();
  });

  it('PE32: DLLs and imported functions equal objdump -p, with their IAT slots', () => {
    const exe = load('windows-386.exe');
    expect(exe.linkage.needed).toEqual(expected.map((i) => i.dll));
    const imported = exe.symbols.filter((s) => s.dynamic);
    expect(imported.map((s) => [s.library, s.name])).toEqual(
      expected.flatMap((i) => i.members.map((member) => [i.dll, member])),
    );
    const objdump = objdumpPrivate('windows-386.exe');
    const slot = parseInt(objdump.fields.get('ImageBase')!, 16) + objdump.directories[12]!.rva;
    expect(imported.map((s) => s.address)).toEqual(imported.map((_, i) => slot + 4 * i));
  });

  // binutils 2.40 misreads this file's import table (it looks for RVA 0x1d1000 in .zdebug_info, having sized
  // the compressed section by its uncompressed length), so the 386 build of the same source by the same Go
  // stands in: Go's runtime imports the same kernel32 functions on both. objdump's IAT directory size is checked.
  it('PE32+: the same DLLs and functions, 8-byte thunks, filling the IAT objdump reports', () => {
    const exe = load('windows-amd64.exe');
    expect(exe.linkage.needed).toEqual(expected.map((i) => i.dll));
    const imported = exe.symbols.filter((s) => s.dynamic);
    expect(imported.map((s) => s.name)).toEqual(expected.flatMap((i) => i.members));
    const objdump = objdumpPrivate('windows-amd64.exe');
    const iat = objdump.directories[12]!;
    expect(imported.length).toBe(iat.size / 8 - 1); // one zero terminator for the one DLL
    const slot = parseInt(objdump.fields.get('ImageBase')!, 16) + iat.rva;
    expect(imported.map((s) => s.address)).toEqual(imported.map((_, i) => slot + 8 * i));
  });
});

describe.each(FILES)('%s header', (name) => {
  const exe = load(name);
  const objdump = objdumpPrivate(name);
  const field = (key: string): string => objdump.fields.get(key) ?? '';
  const number = (key: string): number => parseInt(field(key), 16);

  it('matches objdump -p', () => {
    const sixtyFour = objdump.fileFormat === 'pei-x86-64';
    expect([exe.arch, exe.header.machine, exe.bits]).toEqual(
      sixtyFour ? ['x86_64', 'AMD64', 64] : ['i386', 'I386', 32],
    );
    expect(field('Magic')).toContain(`(${String(exe.header.magic)})`);
    expect(exe.imageBase).toBe(number('ImageBase'));
    expect(exe.entry).toBe(number('ImageBase') + number('AddressOfEntryPoint'));
    expect(field('Subsystem')).toContain('(Windows CUI)');
    expect(exe.header.subsystem).toBe('WINDOWS_CUI');
    expect(exe.header.checksum).toBe(number('CheckSum'));
    expect(field('Time/Date')).toBe('Thu Jan  1 00:00:00 1970');
    expect(exe.header.timestamp).toBe(0);
    expect(exe.header.osVersion).toBe(`${field('MajorOSystemVersion')}.${field('MinorOSystemVersion')}`);
    expect(exe.header.subsystemVersion).toBe(`${field('MajorSubsystemVersion')}.${field('MinorSubsystemVersion')}`);
  });

  it('hardening flags match objdump -p DllCharacteristics and data directories', () => {
    const flags = objdump.dllCharacteristics;
    expect(exe.header.highEntropyVA).toBe(flags.includes('HIGH_ENTROPY_VA'));
    expect(exe.header.dynamicBase).toBe(flags.includes('DYNAMIC_BASE'));
    expect(exe.header.nxCompat).toBe(flags.includes('NX_COMPAT'));
    expect(exe.header.guardCF).toBe(flags.includes('GUARD_CF'));
    expect(exe.header.noSEH).toBe(flags.includes('NO_SEH'));
    expect(exe.header.forceIntegrity).toBe(flags.includes('FORCE_INTEGRITY'));
    expect(exe.header.hasRelocs).toBe(objdump.directories[5]!.size > 0);
    expect(exe.header.hasDebugDirectory).toBe(objdump.directories[6]!.size > 0);
  });

  it('has no segments, interpreter or rpaths, and no notes without a debug directory', () => {
    expect(exe.segments).toEqual([]);
    expect(exe.linkage).toMatchObject({ interpreter: null, rpath: [], runpath: [], versionsNeeded: [] });
    expect(exe.notes).toEqual([]);
    expect(exe.diagnostics).toEqual([]);
  });
});

describe.each(FILES)('%s addresses', (name) => {
  const exe = load(name);
  const bytes = fixture(name);
  const rows = parseObjdumpSections(truth(`${name}.objdump-h.txt`));
  const text = rows.find((r) => r.name === '.text')!;
  const data = rows.find((r) => r.name === '.data')!;

  it('map the entry point into .text as objdump places it', () => {
    const offset = text.fileOffset + (exe.entry - text.vma);
    expect(exe.fileOffsetOf(exe.entry)).toBe(offset);
    expect(exe.readAt(exe.entry, 16)).toEqual(bytes.subarray(offset, offset + 16));
  });

  it('stop at the file bytes of .data: its zero-filled tail is not in the file', () => {
    expect(exe.fileOffsetOf(data.vma + data.size - 1)).toBe(data.fileOffset + data.size - 1);
    expect(exe.readAt(data.vma + data.size - 4, 64)!.length).toBe(4);
    expect(exe.readAt(data.vma + data.size, 4)).toBeNull();
    expect(exe.fileOffsetOf(0x10)).toBe(-1);
  });
});
