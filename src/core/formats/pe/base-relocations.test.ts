// Damage to the .reloc directory of windows-amd64.exe: a broken block is a diagnostic, the blocks before it are
// kept, and everything else in the Exe is read as before. The undamaged table is checked against llvm-readobj in
// ../relocations.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { fuzzOptions } from '../../../../test/fuzz';
import { FormatError } from '../../io/errors';
import { parsePe } from './index';
import { parseObjdumpSections, patched, u32At } from './test-support';

const NAME = 'windows-amd64.exe';
const original = fixture(NAME);
const reloc = parseObjdumpSections(truth(`${NAME}.objdump-h.txt`)).find((s) => s.name === '.reloc')!;
const firstBlockSize = u32At(original, reloc.fileOffset + 4);
const intact = parsePe(original)!;

function damaged(edits: Parameters<typeof patched>[1]): ReturnType<typeof parsePe> & object {
  const exe = parsePe(patched(original, edits))!;
  expect(exe.sections).toEqual(intact.sections);
  return exe;
}

describe(`${NAME} with a damaged .reloc`, () => {
  it('reads the first block as llvm-readobj does: a page RVA and 2-byte entries', () => {
    const entries = (firstBlockSize - 8) / 2;
    const listed = [...truth(`${NAME}.basereloc.txt`).matchAll(/Address: 0x([0-9A-F]+)/g)].map((m) =>
      parseInt(m[1]!, 16),
    );
    const page = u32At(original, reloc.fileOffset);
    expect(listed.filter((rva) => rva >= page && rva < page + 0x1000).length).toBeLessThanOrEqual(entries);
    expect(intact.pointerFixups.slots[0]).toBe(intact.imageBase + listed[0]!);
  });

  it.each([
    ['0', 0],
    ['4', 4],
    ['2^31', 2 ** 31],
  ])('a first block of size %s ends the walk with a diagnostic', (_, size) => {
    const exe = damaged([[reloc.fileOffset + 4, 4, size]]);
    expect(exe.pointerFixups.slots.length).toBe(0);
    expect(exe.diagnostics).toMatchObject([{ source: 'pe', offset: reloc.fileOffset + 4 }]);
  });

  it('a broken second block keeps the slots of the first', () => {
    const exe = damaged([[reloc.fileOffset + firstBlockSize + 4, 4, 3]]);
    const firstSlots = [...intact.pointerFixups.slots].filter(
      (s) => s - intact.imageBase < u32At(original, reloc.fileOffset) + 0x1000,
    );
    expect(exe.pointerFixups.slots.length).toBe(firstSlots.length);
    expect(exe.diagnostics.length).toBe(1);
  });

  it('a page far outside the image names slots that are not in the file', () => {
    const exe = damaged([[reloc.fileOffset, 4, 0x7fff_0000]]);
    expect(exe.pointerFixups.slots.length).toBe(0);
    expect(exe.diagnostics[0]?.message).toMatch(/not in the file/);
  });

  it('a directory that runs past the end of the file is a diagnostic', () => {
    const shortened = parsePe(original.subarray(0, reloc.fileOffset + 16));
    expect(shortened?.diagnostics.some((d) => /base relocation directory/.test(d.message))).toBe(true);
  });

  it('flipped bytes in .reloc give slots in order, or diagnostics, never another exception', () => {
    const work = original.slice();
    const spot = fc.integer({ min: reloc.fileOffset, max: reloc.fileOffset + 64 });
    const flips = fc.array(fc.record({ at: spot, value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(flips, (changes) => {
        for (const { at, value } of changes) work[at] = value;
        try {
          const { slots } = parsePe(work)!.pointerFixups;
          for (let i = 1; i < slots.length; i++) expect(slots[i]!).toBeGreaterThan(slots[i - 1]!);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        } finally {
          for (const { at } of changes) work[at] = original[at]!;
        }
      }),
      fuzzOptions(60),
    );
  });
});
