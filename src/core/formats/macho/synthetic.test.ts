// Shapes no fixture has (32-bit, big-endian, every thread-state CPU, UUID, rpath, weak dylibs, stabs, fat64),
// built field by field in testing/build-macho.ts; the expected values are the ones written there.
import { describe, expect, it } from 'vitest';
import type { Exe } from '../exe';
import { parseFat, parseMachO } from './index';
import { buildFat, buildMachO, TEXT_ADDRESS } from './testing/build-macho';
import type { SyntheticOptions } from './testing/build-macho';

const TWOLEVEL_PIE_NOHEAP = 0x80 | 0x200000 | 0x1000000;

const VARIANTS: (SyntheticOptions & { arch: string })[] = [
  {
    arch: 'ppc',
    bits: 32,
    littleEndian: false,
    cputype: 18,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 1, words: 40, pcAt: 0, pcSize: 4 },
  },
  {
    arch: 'i386',
    bits: 32,
    littleEndian: true,
    cputype: 7,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 1, words: 16, pcAt: 40, pcSize: 4 },
  },
  {
    arch: 'arm',
    bits: 32,
    littleEndian: true,
    cputype: 12,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 1, words: 17, pcAt: 60, pcSize: 4 },
  },
  {
    arch: 'ppc64',
    bits: 64,
    littleEndian: false,
    cputype: 0x01000012,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 5, words: 76, pcAt: 0, pcSize: 8 },
  },
  {
    arch: 'x86_64',
    bits: 64,
    littleEndian: true,
    cputype: 0x01000007,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 4, words: 42, pcAt: 128, pcSize: 8 },
  },
  {
    arch: 'arm64',
    bits: 64,
    littleEndian: true,
    cputype: 0x0100000c,
    flags: TWOLEVEL_PIE_NOHEAP,
    thread: { flavor: 6, words: 68, pcAt: 256, pcSize: 8 },
  },
];

describe.each(VARIANTS)('synthetic $arch ($bits-bit)', (variant) => {
  const bytes = buildMachO(variant);
  const exe = parseMachO(bytes) as Exe;

  it('reads the header and the entry from LC_UNIXTHREAD', () => {
    expect(exe.diagnostics).toEqual([]);
    expect([exe.arch, exe.bits, exe.littleEndian]).toEqual([variant.arch, variant.bits, variant.littleEndian]);
    expect(exe.entry).toBe(TEXT_ADDRESS);
    expect(exe.header).toMatchObject({
      cputype: variant.arch,
      filetype: 'EXECUTE',
      TWOLEVEL: true,
      PIE: true,
      NO_HEAP_EXECUTION: true,
      ALLOW_STACK_EXECUTION: false,
      platform: 'macos',
      minos: '10.4.11',
      sdk: '10.5',
      codeSignature: false,
      chainedFixups: true,
      dyldInfo: false,
      encrypted: true,
    });
  });

  it('reads sections with their types, kinds and segment protections', () => {
    expect(
      exe.sections.map((s) => [s.segment, s.name, s.type, s.kind, s.address, s.offset, s.size, s.fileSize, s.flags]),
    ).toEqual([
      ['__TEXT', '__text', 'S_REGULAR', 'code', 0x2000, 0x1000, 0x100, 0x100, 'R-X'],
      ['__TEXT', '__cstring', 'S_CSTRING_LITERALS', 'rodata', 0x2100, 0x1100, 0x20, 0x20, 'R-X'],
      ['__DATA', '__bss', 'S_ZEROFILL', 'bss', 0x3000, 0, 0x80, 0, 'RW-'],
    ]);
    expect(exe.segments.map((s) => [s.type, s.readable, s.writable, s.executable])).toEqual([
      ['__TEXT', true, false, true],
      ['__DATA', true, true, false],
      ['__LINKEDIT', true, false, false],
    ]);
  });

  it('reads symbols without stabs, with sizes up to the next symbol and libraries by ordinal', () => {
    expect(exe.symbols.map((s) => [s.name, s.kind, s.address, s.size, s.dynamic, s.library])).toEqual([
      ['_start', 'func', 0x2000, 0x40, false, undefined],
      ['main.main', 'func', 0x2040, 0xc0, false, undefined],
      ['_message', 'object', 0x2100, 0x20, false, undefined],
      ['_counter', 'object', 0x3000, 0x80, false, undefined],
      ['_puts', 'undefined', 0, 0, true, '/usr/lib/libweak.dylib'],
    ]);
  });

  it('reads the linkage, the UUID and addresses', () => {
    expect(exe.linkage).toEqual({
      interpreter: '/usr/lib/dyld',
      needed: ['/usr/lib/libSystem.B.dylib', '/usr/lib/libweak.dylib'],
      rpath: ['@loader_path/../lib'],
      runpath: [],
      versionsNeeded: [],
    });
    expect(exe.notes).toEqual([
      { owner: 'Mach-O', type: 0x1b, typeName: 'LC_UUID', value: '12345678-9ABC-DEF0-0123-456789ABCDEF' },
    ]);
    expect(Array.from(exe.readAt(0x2000, 4)!)).toEqual([0, 1, 2, 3]);
    expect(exe.fileOffsetOf(0x2104)).toBe(0x1104);
    expect(exe.readAt(0x3000, 4)).toBeNull();
    expect(exe.sectionData(exe.sections[1]!)).toEqual(bytes.subarray(0x1100, 0x1120));
  });
});

describe('synthetic damage', () => {
  it('skips a symbol whose name lies outside the string table, with one warning', () => {
    const bytes = buildMachO(VARIANTS[1]!);
    new DataView(bytes.buffer).setUint32(0x2000, 0xffff, true); // n_strx of the first nlist entry
    const exe = parseMachO(bytes)!;
    expect(exe.symbols.map((s) => s.name)).toEqual(['main.main', '_message', '_counter', '_puts']);
    expect(exe.diagnostics).toMatchObject([{ level: 'warning', source: 'macho', offset: 0x2000 }]);
  });
});

describe('synthetic fat files', () => {
  const [ppc, , , , amd64] = VARIANTS;
  const ppcBytes = buildMachO(ppc!);
  const amd64Bytes = buildMachO(amd64!);

  it.each([false, true])('reads fat_arch%s slices at their offsets', (wide) => {
    const fat = parseFat(
      buildFat(
        [
          { cputype: ppc!.cputype, bytes: ppcBytes },
          { cputype: amd64!.cputype, bytes: amd64Bytes },
        ],
        wide,
      ),
    )!;
    expect(fat.diagnostics).toEqual([]);
    expect(fat.exes.map((e) => e.arch)).toEqual(['ppc', 'x86_64']);
    expect(fat.sliceOffsets).toEqual([0x1000, 0x4000]);
    expect(fat.exes.every((e) => e.diagnostics.length === 0)).toBe(true);
  });

  it('warns when the fat header and the slice disagree on the CPU', () => {
    const fat = parseFat(buildFat([{ cputype: 0x0100000c, bytes: ppcBytes }], false))!;
    expect(fat.exes[0]!.arch).toBe('ppc');
    expect(fat.exes[0]!.diagnostics).toMatchObject([{ level: 'warning', source: 'macho' }]);
  });
});
