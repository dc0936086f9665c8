import { describe, expect, it } from 'vitest';
import { FixupCollector, FixupCursor, fixupTarget, NO_FIXUPS, pointerReader, storedWord } from './pointers';

describe('FixupCollector', () => {
  it('sorts slots listed out of order and keeps the last target of a repeated slot', () => {
    const out = new FixupCollector();
    [
      [0x30, 3],
      [0x10, 1],
      [0x20, 2],
      [0x10, 9],
    ].forEach(([slot, target], i) => out.add(slot!, target!, i));
    const fixups = out.done();
    expect([...fixups.slots]).toEqual([0x10, 0x20, 0x30]);
    expect([...fixups.targets]).toEqual([9, 2, 3]);
  });

  it('gives the shared empty table when nothing was added', () => {
    expect(new FixupCollector().done()).toBe(NO_FIXUPS);
  });
});

describe('reading through the fixups', () => {
  const out = new FixupCollector();
  [0x1000, 0x1008, 0x1020].forEach((slot, i) => out.add(slot, 0x5000 + i, 0));
  const fixups = out.done();

  it('looks a slot up, and nothing for a word between slots', () => {
    expect(fixupTarget(fixups, 0x1008)).toBe(0x5001);
    expect(fixupTarget(fixups, 0x1010)).toBeUndefined();
    expect(fixupTarget(fixups, 0x2000)).toBeUndefined();
  });

  it('walks forward with a cursor, and restarts where told', () => {
    const cursor = new FixupCursor(fixups);
    expect([0x1000, 0x1004, 0x1008, 0x1010, 0x1020].map((a) => cursor.targetAt(a))).toEqual([
      0x5000,
      undefined,
      0x5001,
      undefined,
      0x5002,
    ]);
    cursor.seek(0x1008);
    expect(cursor.targetAt(0x1008)).toBe(0x5001);
  });

  it('pointerAt: a relocated target even in zero-fill, the stored word elsewhere, null when unmapped', () => {
    const bytes = new Uint8Array(0x40);
    new DataView(bytes.buffer).setBigUint64(0x10, 0x1234n, true);
    const readAt = (address: number, size: number): Uint8Array | null =>
      address >= 0x1000 && address < 0x1040 ? bytes.subarray(address - 0x1000, address - 0x1000 + size) : null;
    const pointerAt = pointerReader({ readAt, bits: 64, littleEndian: true }, fixups);
    expect(pointerAt(0x1010)).toBe(0x1234);
    expect(pointerAt(0x1008)).toBe(0x5001);
    expect(pointerAt(0x1020)).toBe(0x5002);
    expect(pointerAt(0x1039)).toBeNull(); // only 7 bytes left
    expect(pointerAt(0x9000)).toBeNull();
  });

  it('a 64-bit word past 2^53 is no address', () => {
    expect(storedWord(Uint8Array.of(0, 0, 0, 0, 0, 0, 0x20, 0), 8, true)).toBeNull();
    expect(storedWord(Uint8Array.of(0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 8, false)).toBe(2 ** 53 - 1);
    expect(storedWord(Uint8Array.of(1, 2, 3, 4), 4, true)).toBe(0x04030201);
  });
});
