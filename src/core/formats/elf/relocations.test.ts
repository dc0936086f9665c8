// RELA, REL and RELR tables built by hand from the gABI and psABI layouts, for the shapes no fixture has (32-bit
// REL with implicit addends on i386 and ARM, 32-bit RELR, big-endian RELA) and for damage. The real tables of the
// PIE fixtures are checked against readelf in ../relocations.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../../test/fuzz';
import type { Diagnostic } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import { AddressMap } from '../address-map';
import { MAX_RELOCATIONS } from '../pointers';
import type { ElfContext } from './context';
import type { DynamicEntry } from './dynamic';
import type { ElfHeader } from './header';
import { LAYOUTS } from './layout';
import { readRelativeFixups } from './relocations';

const EM_386 = 3;
const EM_ARM = 40;
const EM_PPC64 = 21;
const EM_X86_64 = 62;
const [DT_RELA, DT_RELASZ, DT_RELAENT, DT_REL, DT_RELSZ, DT_RELENT, DT_RELRSZ, DT_RELR] = [7, 8, 9, 17, 18, 19, 35, 36];
/** Everything sits in one mapping: file offset = address - BASE. */
const BASE = 0x10000;

class Bytes {
  readonly data: Uint8Array;
  private readonly view: DataView;
  constructor(
    size: number,
    readonly bits: 32 | 64,
    readonly littleEndian = true,
  ) {
    this.data = new Uint8Array(size);
    this.view = new DataView(this.data.buffer);
  }
  word(at: number, value: number): this {
    if (this.bits === 32) this.view.setUint32(at, value >>> 0, this.littleEndian);
    else this.view.setBigUint64(at, BigInt.asUintN(64, BigInt(value)), this.littleEndian);
    return this;
  }
}

function contextOf(bytes: Bytes, machine: number, diagnostics: Diagnostic[] = []): ElfContext {
  const reader = new ByteReader(bytes.data, bytes.littleEndian);
  const layout = LAYOUTS[bytes.bits === 32 ? 1 : 2]!;
  const header = { layout, littleEndian: bytes.littleEndian, machine } as ElfHeader;
  const addressMap = new AddressMap(reader, [
    { address: BASE, offset: 0, fileSize: bytes.data.length, memSize: bytes.data.length },
  ]);
  return { reader, header, sections: [], names: [], segments: [], addressMap, diagnostics };
}

function dynamicOf(entries: [number, number][]): { present: true; entries: DynamicEntry[]; strings: null } {
  return { present: true, entries: entries.map(([tag, value]) => ({ tag, value })), strings: null };
}

describe('REL with implicit addends', () => {
  it.each([
    ['i386', EM_386, 8],
    ['ARM', EM_ARM, 23],
  ])('%s: R_*_RELATIVE slots keep the address stored in them', (_, machine, relative) => {
    // Table at 0x100: three entries {r_offset, r_info}; slots at 0x200 and 0x208 hold link-time addresses.
    const bytes = new Bytes(0x400, 32).word(0x200, BASE + 0x300).word(0x208, BASE + 0x310);
    bytes.word(0x100, BASE + 0x208).word(0x104, relative);
    bytes.word(0x108, BASE + 0x204).word(0x10c, (5 << 8) | 1); // a symbol relocation: not ours to apply
    bytes.word(0x110, BASE + 0x200).word(0x114, relative);
    const dynamic = dynamicOf([
      [DT_REL, BASE + 0x100],
      [DT_RELSZ, 24],
      [DT_RELENT, 8],
    ]);
    const fixups = readRelativeFixups(contextOf(bytes, machine), dynamic);
    expect([...fixups.slots]).toEqual([BASE + 0x200, BASE + 0x208]);
    expect([...fixups.targets]).toEqual([BASE + 0x300, BASE + 0x310]);
  });
});

describe('RELA', () => {
  it('big-endian 64-bit (ppc64): the addend is the target, the stored word is ignored', () => {
    const bytes = new Bytes(0x400, 64, false).word(0x200, 0);
    bytes
      .word(0x100, BASE + 0x200)
      .word(0x108, 22)
      .word(0x110, BASE + 0x380);
    const fixups = readRelativeFixups(
      contextOf(bytes, EM_PPC64),
      dynamicOf([
        [DT_RELA, BASE + 0x100],
        [DT_RELASZ, 24],
      ]),
    );
    expect([...fixups.slots]).toEqual([BASE + 0x200]);
    expect([...fixups.targets]).toEqual([BASE + 0x380]);
  });

  it('skips a negative addend with one warning', () => {
    const bytes = new Bytes(0x400, 64);
    bytes
      .word(0x100, BASE + 0x200)
      .word(0x108, 8)
      .word(0x110, -16);
    const diagnostics: Diagnostic[] = [];
    const dynamic = dynamicOf([
      [DT_RELA, BASE + 0x100],
      [DT_RELASZ, 24],
    ]);
    expect(readRelativeFixups(contextOf(bytes, EM_X86_64, diagnostics), dynamic).slots.length).toBe(0);
    expect(diagnostics).toMatchObject([{ level: 'warning', offset: 0x100 }]);
  });
});

describe('RELR', () => {
  it('32-bit: an address, then a bitmap of the 31 words after it', () => {
    const bytes = new Bytes(0x400, 32);
    for (let i = 0; i < 40; i++) bytes.word(0x200 + 4 * i, BASE + 0x1000 + i);
    // 0x200 itself; then bits 1 and 3 of the bitmap: 0x204 + 0*4 and 0x204 + 2*4; bit 31: 0x204 + 30*4.
    bytes.word(0x100, BASE + 0x200).word(0x104, (1 | (1 << 1) | (1 << 3) | (1 << 31)) >>> 0);
    const fixups = readRelativeFixups(
      contextOf(bytes, EM_386),
      dynamicOf([
        [DT_RELR, BASE + 0x100],
        [DT_RELRSZ, 8],
      ]),
    );
    const words = [0, 1, 3, 31];
    expect([...fixups.slots]).toEqual(words.map((w) => BASE + 0x200 + 4 * w));
    expect([...fixups.targets]).toEqual(words.map((w) => BASE + 0x1000 + w));
  });
});

describe('damaged relocation tables', () => {
  const table = (entries: [number, number][]): { diagnostics: Diagnostic[]; count: number } => {
    const bytes = new Bytes(0x400, 64);
    bytes
      .word(0x100, BASE + 0x200)
      .word(0x108, 8)
      .word(0x110, BASE + 0x300);
    const diagnostics: Diagnostic[] = [];
    const count = readRelativeFixups(contextOf(bytes, EM_X86_64, diagnostics), dynamicOf(entries)).slots.length;
    return { diagnostics, count };
  };

  it('a 2^40-byte table is a FormatError diagnostic, not a walk', () => {
    const result = table([
      [DT_RELA, BASE + 0x100],
      [DT_RELASZ, 2 ** 40],
    ]);
    expect(result.count).toBe(0);
    expect(result.diagnostics[0]?.message).toMatch(/past the relocation limit|runs past the end/);
  });

  it('an entry size that is not the class size is refused', () => {
    const result = table([
      [DT_RELA, BASE + 0x100],
      [DT_RELASZ, 24],
      [DT_RELAENT, 16],
    ]);
    expect(result.diagnostics[0]?.message).toMatch(/entries of 16 bytes/);
  });

  it('a table that maps nowhere leaves pointers as stored, with an error', () => {
    const result = table([
      [DT_RELA, 0x7000_0000],
      [DT_RELASZ, 24],
    ]);
    expect(result).toMatchObject({ count: 0, diagnostics: [{ level: 'error' }] });
  });

  it('the relocation limit is far above a real table', () => {
    expect(MAX_RELOCATIONS).toBeGreaterThan(100 * 3864);
  });
});

describe('relocation tables of random bytes', () => {
  it('give sorted fixups and diagnostics, never an exception', () => {
    const kinds: [number, number, number][] = [
      [DT_RELA, DT_RELASZ, DT_RELAENT],
      [DT_REL, DT_RELSZ, DT_RELENT],
      [DT_RELR, DT_RELRSZ, 37],
    ];
    const input = fc.record({
      bits: fc.constantFrom<(32 | 64)[]>(32, 64),
      littleEndian: fc.boolean(),
      machine: fc.constantFrom(EM_386, EM_ARM, EM_PPC64, EM_X86_64, 183, 0),
      kind: fc.integer({ min: 0, max: 2 }),
      table: fc.uint8Array({ maxLength: 256 }),
      size: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(2 ** 40)),
      entrySize: fc.option(fc.integer({ min: 0, max: 32 })),
    });
    fc.assert(
      fc.property(input, ({ bits, littleEndian, machine, kind, table, size, entrySize }) => {
        const bytes = new Bytes(0x400, bits, littleEndian);
        bytes.data.set(table, 0x100);
        // Slots and addends aimed inside the mapping now and then, so the table is not all misses.
        for (let at = 0x100; at + 4 <= 0x100 + table.length; at += 12) bytes.data[at + 2] = 0x01;
        const [addressTag, sizeTag, entryTag] = kinds[kind]!;
        const entries: [number, number][] = [
          [addressTag, BASE + 0x100],
          [sizeTag, size],
        ];
        if (entrySize !== null) entries.push([entryTag, entrySize]);
        const diagnostics: Diagnostic[] = [];
        const { slots, targets } = readRelativeFixups(contextOf(bytes, machine, diagnostics), dynamicOf(entries));
        expect(slots.length).toBe(targets.length);
        for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeGreaterThan(slots[i - 1]!);
        for (const d of diagnostics) expect(typeof d.message).toBe('string');
      }),
      fuzzOptions(500),
    );
  });
});
