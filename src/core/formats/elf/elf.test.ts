// The committed Linux fixtures against the ground truth test/fixtures/build.sh captured with binutils (readelf, nm)
// and Go's own debug/elf (dumpexe → *.dump.json).
import { describe, expect, test } from 'vitest';
import { fixture, FIXTURES, parseNm, truth } from '../../../../test/fixtures';
import type { Exe } from '../exe';
import { parseElf } from './index';
import {
  expectDynamicMatches,
  expectNotesMatch,
  expectSectionsMatch,
  expectSegmentsMatch,
  expectVersionsMatch,
} from './readelf-checks';
import { readelfSections, readelfVersionNeeds } from './readelf-text';

const LINUX = FIXTURES.filter((name) => name.startsWith('linux-') || name.startsWith('leaky-linux-'));

/** What each fixture was built for, from the GOARCH in test/fixtures/build.sh. */
const BUILT_FOR: Record<string, { arch: string; bits: number; littleEndian: boolean }> = {
  'linux-386': { arch: 'i386', bits: 32, littleEndian: true },
  'linux-arm': { arch: 'arm', bits: 32, littleEndian: true },
  'linux-s390x': { arch: 's390x', bits: 64, littleEndian: false },
  'linux-mips': { arch: 'mips', bits: 32, littleEndian: false },
};
const AMD64 = { arch: 'x86_64', bits: 64, littleEndian: true };

interface GoDump {
  sections: { name: string; address: number; offset: number; size: number }[];
  symbols: number;
  importedLibraries: string[] | null;
}

function parsed(name: string): Exe {
  const exe = parseElf(fixture(name));
  if (!exe) throw new Error(`${name} was not recognised as ELF`);
  return exe;
}

describe.each(LINUX)('%s against readelf', (name) => {
  const exe = parsed(name);

  test('reads without diagnostics, for the machine it was built for', () => {
    expect(exe.diagnostics).toEqual([]);
    const built = BUILT_FOR[name] ?? AMD64;
    expect({ arch: exe.arch, bits: exe.bits, littleEndian: exe.littleEndian }).toEqual(built);
    expect(exe.header.class).toBe(built.bits === 64 ? 'ELF64' : 'ELF32');
    expect(exe.header.data).toBe(built.littleEndian ? 'little' : 'big');
  });

  test('sections equal readelf -SW', () => expectSectionsMatch(exe, truth(`${name}.readelf-S.txt`)));

  test('segments, entry, interpreter, stack and relro equal readelf -lW', () => {
    expectSegmentsMatch(exe, truth(`${name}.readelf-l.txt`));
  });

  test('needed, rpath, runpath and binding flags equal readelf -dW', () => {
    expectDynamicMatches(exe, truth(`${name}.readelf-d.txt`));
  });

  test('notes equal readelf -nW', () => expectNotesMatch(exe, truth(`${name}.readelf-n.txt`)));

  test('version needs and the highest GLIBC equal readelf -VW', () => {
    expectVersionsMatch(exe, truth(`${name}.readelf-V.txt`));
  });
});

describe.each(LINUX)('%s against nm and debug/elf', (name) => {
  const exe = parsed(name);
  const dump = JSON.parse(truth(`${name}.dump.json`)) as GoDump;

  test("sections and imported libraries equal Go's debug/elf", () => {
    expect(exe.linkage.needed).toEqual(dump.importedLibraries ?? []);
    // For SHF_COMPRESSED ('C') sections debug/elf reports the size after decompression; readelf and we report the
    // bytes in the file, so those sizes are left out of this comparison (readelf -SW checks them above).
    const compressed = new Set(exe.sections.filter((s) => s.flags.includes('C')).map((s) => s.name));
    const comparable = (s: { name: string; address: number; offset: number; size: number }): object => ({
      name: s.name,
      address: s.address,
      offset: s.offset,
      size: compressed.has(s.name) ? 'compressed' : s.size,
    });
    expect(exe.sections.map(comparable)).toEqual(dump.sections.map(comparable));
  });

  test('static symbols match nm and debug/elf', () => {
    const statics = exe.symbols.filter((s) => !s.dynamic);
    // debug/elf's Symbols() returns every .symtab entry but the reserved null entry 0, as we do.
    expect(statics.length).toBe(dump.symbols);
    // nm hides debugger-only symbols: STT_FILE (one "go.go" in pure Go builds, the C object names such as
    // "crt1.o" in the cgo build) and STT_SECTION. That is the whole difference between the two counts.
    const shown = statics.filter((s) => s.kind !== 'file' && s.kind !== 'section');
    const byName = (a: { name: string; address: number }, b: { name: string; address: number }): number =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.address - b.address;
    const nm = parseNm(truth(`${name}.nm.txt`))
      .map(({ name: n, address }) => ({ name: n, address }))
      .sort(byName);
    expect(shown.map(({ name: n, address }) => ({ name: n, address })).sort(byName)).toEqual(nm);
    // nm prints undefined symbols as 'U', or 'w' / 'v' without an address when they are weak.
    const undefinedInNm = parseNm(truth(`${name}.nm.txt`)).filter(
      (e) => e.type === 'U' || (/^[wv]$/.test(e.type) && e.address === 0),
    ).length;
    expect(shown.filter((s) => s.kind === 'undefined').length).toBe(undefinedInNm);
  });

  test('reads bytes at virtual addresses through the loaded segments', () => {
    for (const section of exe.sections.filter((s) => s.address !== 0 && s.fileSize > 0)) {
      expect(exe.fileOffsetOf(section.address)).toBe(section.offset);
      const viaAddress = exe.readAt(section.address, section.size)!;
      const viaSection = exe.sectionData(section)!;
      // Both are views of the file: the same start and length means the same bytes (deep-comparing megabytes is slow).
      expect([viaAddress.byteOffset, viaAddress.length]).toEqual([viaSection.byteOffset, section.size]);
    }
    const bss = exe.sections.find((s) => s.name === '.bss');
    if (bss) expect(exe.sectionData(bss)).toBeNull();
  });
});

describe('linux-amd64-cgo, dynamic against glibc', () => {
  const exe = parsed('linux-amd64-cgo');

  test('undefined dynamic symbols carry the GLIBC version .gnu.version assigns them', () => {
    // readelf -VW lists .gnu.version entry 2 as (GLIBC_2.34): __libc_start_main, the second dynamic symbol.
    const start = exe.symbols.find((s) => s.dynamic && s.name === '__libc_start_main');
    expect(start).toMatchObject({ kind: 'undefined', library: 'GLIBC_2.34' });
    // Every version .gnu.version hands out to a dynamic symbol is one readelf -VW lists as needed.
    const needed = new Set(readelfVersionNeeds(truth('linux-amd64-cgo.readelf-V.txt')).map((v) => v.version));
    const libraries = exe.symbols.flatMap((s) => (s.dynamic && s.library ? [s.library] : []));
    expect(new Set(libraries)).toEqual(needed);
  });

  test('classifies sections by what they hold', () => {
    const kinds = Object.fromEntries(exe.sections.map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({
      '.text': 'code',
      '.rodata': 'rodata',
      '.gopclntab': 'rodata',
      '.data': 'data',
      '.bss': 'bss',
      '.noptrbss': 'bss',
      '.debug_info': 'debug',
      '.symtab': 'symbols',
      '.dynsym': 'symbols',
      '.dynstr': 'symbols',
    });
  });

  test('a copy with e_shoff and e_shnum zeroed still yields interpreter, needed, versions, notes and segments', () => {
    const bytes = fixture('linux-amd64-cgo');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setBigUint64(40, 0n, true); // e_shoff
    view.setUint16(60, 0, true); // e_shnum
    view.setUint16(62, 0, true); // e_shstrndx
    const bare = parseElf(bytes)!;
    expect(bare.diagnostics).toEqual([]);
    expect(bare.sections).toEqual([]);
    expect(bare.header.hasSectionHeaders).toBe(false);
    expectSegmentsMatch(bare, truth('linux-amd64-cgo.readelf-l.txt'));
    expectDynamicMatches(bare, truth('linux-amd64-cgo.readelf-d.txt'));
    expectVersionsMatch(bare, truth('linux-amd64-cgo.readelf-V.txt'));
    // The two PT_NOTE segments hold the same four notes the four SHT_NOTE sections do.
    expectNotesMatch(bare, truth('linux-amd64-cgo.readelf-n.txt'));
    expect(bare.readAt(bare.entry, 16)).toEqual(exe.readAt(exe.entry, 16));
  });
});

describe('linux-amd64-pie', () => {
  test('keeps Go relro sections read-only in kind, and is flagged PIE', () => {
    const exe = parsed('linux-amd64-pie');
    expect(exe.sections.find((s) => s.name === '.data.rel.ro.gopclntab')?.kind).toBe('rodata');
    expect(exe.header.pieFlag).toBe(true);
  });
});

describe('linux-amd64 without program headers', () => {
  test('maps virtual addresses through the allocated sections instead', () => {
    const bytes = fixture('linux-amd64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setBigUint64(32, 0n, true); // e_phoff
    view.setUint16(56, 0, true); // e_phnum
    const exe = parseElf(bytes)!;
    expect(exe.segments).toEqual([]);
    const sections = readelfSections(truth('linux-amd64.readelf-S.txt'));
    for (const section of sections.filter((s) => s.flags.includes('A') && s.type !== 'NOBITS' && s.size > 0)) {
      expect(exe.fileOffsetOf(section.address + 1)).toBe(section.offset + 1);
    }
    const bss = sections.find((s) => s.name === '.bss')!;
    expect(exe.readAt(bss.address, 8)).toBeNull();
  });
});
