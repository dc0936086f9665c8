// Relocated pointers of the committed fixtures against the format's own tools: readelf -rW (ELF RELA and RELR),
// llvm-readobj --coff-basereloc (PE), llvm-objdump --macho --rebase (Mach-O).
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { parseExecutable } from './detect';
import type { Exe } from './exe';

function exeOf(name: string): Exe {
  return parseExecutable(fixture(name))!.exes[0]!;
}

const hexes = (values: Iterable<number>): string[] => [...values].map((v) => v.toString(16));

/** readelf -SW rows that have file bytes: address, offset, size. */
function elfSections(name: string): { address: number; offset: number; size: number }[] {
  return [...truth(`${name}.readelf-S.txt`).matchAll(/\]\s+\S+\s+(?!NOBITS)\S+\s+([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+)/g)]
    .map((m) => ({ address: parseInt(m[1]!, 16), offset: parseInt(m[2]!, 16), size: parseInt(m[3]!, 16) }))
    .filter((s) => s.address !== 0);
}

/** The little-endian 64-bit word at a virtual address, found through readelf's section table. */
function storedAt(name: string, bytes: Uint8Array, address: number): number {
  const section = elfSections(name).find((s) => address >= s.address && address < s.address + s.size)!;
  const at = section.offset + address - section.address;
  return Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(at, true));
}

describe.each(['linux-amd64-pie', 'leaky-linux-amd64-pie', 'leaky-linux-arm64-pie', 'leaky-linux-amd64-pie-ext'])(
  '%s: RELATIVE relocations',
  (name) => {
    // readelf prints the table in file order; the Exe keeps slots in address order.
    const rows = [
      ...truth(`${name}.readelf-r.txt`).matchAll(/^([0-9a-f]{16})\s+[0-9a-f]{16} R_\w+_RELATIVE\s+([0-9a-f]+)$/gm),
    ]
      .map((m) => [parseInt(m[1]!, 16), parseInt(m[2]!, 16)] as const)
      .sort((a, b) => a[0] - b[0]);
    const exe = exeOf(name);

    it('lists every slot and addend readelf lists', () => {
      expect(rows.length).toBeGreaterThan(3000);
      expect(hexes(exe.pointerFixups.slots)).toEqual(hexes(rows.map((row) => row[0])));
      expect(hexes(exe.pointerFixups.targets)).toEqual(hexes(rows.map((row) => row[1])));
      expect(exe.diagnostics).toEqual([]);
    });

    it('reads a relocated slot as its addend and any other word as stored', () => {
      const [slot, addend] = rows[rows.length - 1]!;
      expect(exe.pointerAt(slot)).toBe(addend);
      const entry = exe.entry; // code, never a relocation slot in these builds
      const word = new DataView(exe.readAt(entry, 8)!.slice().buffer).getBigUint64(0, true);
      expect(exe.pointerAt(entry)).toBe(word < 2n ** 53n ? Number(word) : null);
      expect(exe.pointerAt(0x7fff_0000_0000)).toBeNull();
    });
  },
);

describe('leaky-linux-amd64-pie-relr: DT_RELR', () => {
  const name = 'leaky-linux-amd64-pie-relr';
  const text = truth(`${name}.readelf-r.txt`);
  const relr = text.slice(text.indexOf(".relr.dyn'"));
  const listed = /(\d+) offsets/.exec(relr)!;
  const slots = [...relr.matchAll(/^([0-9a-f]{16})$/gm)].map((m) => parseInt(m[1]!, 16));

  it('expands the bitmaps to the offsets readelf lists, each keeping the address stored there', () => {
    const bytes = fixture(name);
    const exe = exeOf(name);
    expect(slots.length).toBe(Number(listed[1]));
    expect(hexes(exe.pointerFixups.slots)).toEqual(hexes(slots));
    expect(hexes(exe.pointerFixups.targets)).toEqual(hexes(slots.map((slot) => storedAt(name, bytes, slot))));
  });
});

describe.each([
  ['leaky-windows-amd64.exe', 'DIR64'],
  ['windows-amd64.exe', 'DIR64'],
  ['windows-386.exe', 'HIGHLOW'],
])('%s: base relocations', (name, type) => {
  const rvas = [...truth(`${name}.basereloc.txt`).matchAll(/Type: (\w+)\n\s+Address: 0x([0-9A-F]+)/gi)];
  const imageBase = parseInt(/^ImageBase\s+([0-9a-f]+)/m.exec(truth(`${name}.objdump-p.txt`))![1]!, 16);
  const sizeOfImage = parseInt(/^SizeOfImage\s+([0-9a-f]+)/m.exec(truth(`${name}.objdump-p.txt`))![1]!, 16);
  const exe = exeOf(name);

  it(`lists every ${type} slot llvm-readobj lists, at ImageBase + RVA`, () => {
    expect(new Set(rvas.map((m) => m[1]))).toEqual(new Set([type]));
    const expected = rvas.map((m) => imageBase + parseInt(m[2]!, 16)).sort((a, b) => a - b);
    expect(hexes(exe.pointerFixups.slots)).toEqual(hexes(expected));
  });

  it('finds every stored pointer already a VA inside the image at its preferred base', () => {
    const outside = [...exe.pointerFixups.targets].filter((t) => t < imageBase || t >= imageBase + sizeOfImage);
    expect(outside).toEqual([]);
  });
});

describe.each(['darwin-arm64', 'leaky-darwin-arm64', 'leaky-darwin-amd64'])('%s: dyld rebase opcodes', (name) => {
  const slots = [...truth(`${name}.rebase.txt`).matchAll(/^\S+\s+\S+\s+0x([0-9A-F]+)\s+pointer$/gm)]
    .map((m) => parseInt(m[1]!, 16))
    .sort((a, b) => a - b);
  const exe = exeOf(name);

  it('lists every rebased pointer llvm-objdump lists', () => {
    expect(hexes(exe.pointerFixups.slots)).toEqual(hexes(slots));
    expect(exe.diagnostics).toEqual([]);
  });

  it('keeps the unslid address stored in each slot, inside a segment or at its end', () => {
    const inside = (t: number): boolean => exe.segments.some((s) => t >= s.address && t <= s.address + s.memSize);
    expect([...exe.pointerFixups.targets].filter((t) => !inside(t))).toEqual([]);
  });
});
