// Damaged rebase opcodes and chained fixups: each gives a diagnostic and keeps the slots read before the damage,
// quickly, and the rest of the Exe reads as before. The intact tables are checked against llvm-objdump in
// ../relocations.test.ts and chained-fixups.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures';
import { fuzzOptions } from '../../../../test/fuzz';
import { FormatError } from '../../io/errors';
import type { Exe } from '../exe';
import { commandOffset, withChainedFixups } from './testing/chain';
import { parseMachO } from './thin';

const LC_DYLD_INFO_ONLY = 0x80000022;
const LC_DYLD_CHAINED_FIXUPS = 0x80000034;
const original = fixture('darwin-arm64');
const intact = parseMachO(original)!;
const infoAt = commandOffset(original, LC_DYLD_INFO_ONLY);
const view = new DataView(original.buffer, original.byteOffset);
const rebaseOff = view.getUint32(infoAt + 8, true);

function parsedWith(bytes: Uint8Array, edits: [at: number, values: number[]][]): Exe {
  const copy = bytes.slice();
  for (const [at, values] of edits) copy.set(values, at);
  const exe = parseMachO(copy)!;
  expect(exe.sections).toEqual(intact.sections);
  return exe;
}

const u32 = (value: number): number[] => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24];

describe('damaged rebase opcodes', () => {
  it('an unknown opcode ends the walk with a diagnostic', () => {
    const exe = parsedWith(original, [[rebaseOff, [0xf0]]]);
    expect(exe.pointerFixups.slots.length).toBe(0);
    expect(exe.diagnostics).toMatchObject([{ source: 'macho', offset: rebaseOff }]);
  });

  it('a segment that does not exist is a diagnostic', () => {
    const exe = parsedWith(original, [[rebaseOff, [0x11, 0x2f, 0x00, 0x51]]]);
    expect(exe.diagnostics[0]?.message).toMatch(/segment 15/);
  });

  it('a repeat count of 2^32 stops within its segment, keeping the slots before the stop', () => {
    const exe = parsedWith(original, [[rebaseOff, [0x11, 0x22, 0x00, 0x60, 0xff, 0xff, 0xff, 0xff, 0x0f]]]);
    const segment = exe.segments[2]!;
    const { slots } = exe.pointerFixups;
    expect(slots[0]).toBe(segment.address);
    expect(slots[slots.length - 1]!).toBeLessThan(segment.address + segment.memSize);
    // Every word from the segment start is rebased until one holds no address or the segment ends.
    expect(slots[slots.length - 1]).toBe(segment.address + 8 * (slots.length - 1));
    expect(exe.diagnostics[0]?.message).toMatch(/holds no address|past __DATA_CONST/);
  });

  it('a repeat count of 2^32 over words that are all addresses stops at the segment end', () => {
    const filled = original.slice();
    const segment = intact.segments[2]!;
    const words = new DataView(filled.buffer, segment.offset, segment.fileSize);
    for (let at = 0; at + 8 <= segment.fileSize; at += 8) words.setBigUint64(at, BigInt(segment.address), true);
    const exe = parsedWith(filled, [[rebaseOff, [0x11, 0x22, 0x00, 0x60, 0xff, 0xff, 0xff, 0xff, 0x0f]]]);
    expect(exe.pointerFixups.slots.length).toBe(Math.floor(segment.fileSize / 8));
    expect(exe.diagnostics[0]?.message).toMatch(/not in the file|past __DATA_CONST/);
  });

  it('an operand cut off by rebase_size, and a size past the file, are diagnostics', () => {
    const cut = parsedWith(original, [[infoAt + 12, u32(3)]]);
    expect(cut.diagnostics[0]?.message).toMatch(/runs past the opcodes/);
    const long = parsedWith(original, [[infoAt + 12, u32(2 ** 31)]]);
    expect(long.diagnostics[0]?.message).toMatch(/past the end of the file/);
  });
});

describe('damaged chained fixups', () => {
  const slots = [...intact.pointerFixups.slots];
  const chained = withChainedFixups(original, slots, [...intact.pointerFixups.targets], 'PTR_64_OFFSET');
  const chainedView = new DataView(chained.buffer);
  const commandAt = commandOffset(chained, LC_DYLD_CHAINED_FIXUPS);
  const blob = chainedView.getUint32(commandAt + 8, true);
  const starts = blob + chainedView.getUint32(blob + 4, true);
  const firstSegmentInfo = (() => {
    for (let i = 0; i < chainedView.getUint32(starts, true); i++) {
      const offset = chainedView.getUint32(starts + 4 + 4 * i, true);
      if (offset !== 0) return starts + offset;
    }
    throw new Error('no segment starts');
  })();

  it.each([
    ['an unknown version', blob, u32(7), /version 7/],
    ['more segments than the file has', starts, u32(1000), /1000 segments/],
    ['a 32-bit pointer format', firstSegmentInfo + 6, [3, 0], /format 3/],
    ['a page size of 0', firstSegmentInfo + 4, [0, 0], /pages of 0 bytes/],
    ['a page start with several chains', firstSegmentInfo + 22, [0x00, 0x80], /several chains/],
  ] as [string, number, number[], RegExp][])('%s is a diagnostic', (_, at, values, message) => {
    const exe = parsedWith(chained, [[at, values]]);
    expect(exe.diagnostics.map((d) => d.message).join('\n')).toMatch(message);
  });

  it('a chain that leaves its page is a diagnostic, keeping the slots before it', () => {
    const first = slots[0]!;
    const offset = intact.fileOffsetOf(first);
    // next = 0xfff (4-byte units): 16 KiB on, past the page.
    const exe = parsedWith(chained, [[offset + 6, [0xf8, 0x7f]]]);
    expect(exe.diagnostics[0]?.message).toMatch(/outside its page/);
    expect(exe.pointerFixups.slots[0]).toBe(first);
  });

  it('flipped bytes in the fixups and the chains give diagnostics, never another exception', () => {
    const work = chained.slice();
    const chainStart = intact.fileOffsetOf(slots[0]!);
    const spot = fc.oneof(
      fc.integer({ min: blob, max: chained.length - 1 }),
      fc.integer({ min: chainStart, max: chainStart + 256 }),
    );
    const flips = fc.array(fc.record({ at: spot, value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(flips, (changes) => {
        for (const { at, value } of changes) work[at] = value;
        try {
          const { slots: found } = parseMachO(work)!.pointerFixups;
          for (let i = 1; i < found.length; i++) expect(found[i]!).toBeGreaterThan(found[i - 1]!);
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        } finally {
          for (const { at } of changes) work[at] = chained[at]!;
        }
      }),
      fuzzOptions(60),
    );
  });
});
