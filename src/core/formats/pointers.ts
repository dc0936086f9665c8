import { FormatError } from '../io/errors';
import { hex } from '../io/reader';
import type { Exe, PointerFixups } from './exe';

/**
 * Relocated slots kept per file. A large PIE Go binary has a few hundred thousand RELATIVE relocations; a table
 * claiming far more is hostile or corrupt and stops here.
 */
export const MAX_RELOCATIONS = 8_000_000;

export const NO_FIXUPS: PointerFixups = { slots: new Float64Array(0), targets: new Float64Array(0) };

/** Gathers slots in the order a format lists them; `done` sorts them once and keeps the last target per slot. */
export class FixupCollector {
  private slots: number[] = [];
  private targets: number[] = [];

  get count(): number {
    return this.slots.length;
  }

  /** `at` is the file offset of the record that named the slot, for the error when the table is too long. */
  add(slot: number, target: number, at: number): void {
    if (this.slots.length >= MAX_RELOCATIONS) {
      throw new FormatError(at, `more than ${MAX_RELOCATIONS} relocations at ${hex(at)}; the rest are not read`);
    }
    this.slots.push(slot);
    this.targets.push(target);
  }

  done(): PointerFixups {
    const count = this.slots.length;
    if (count === 0) return NO_FIXUPS;
    let order: number[] | null = null;
    for (let i = 1; i < count && order === null; i++) {
      if (this.slots[i]! <= this.slots[i - 1]!) order = [...Array(count).keys()];
    }
    // Linkers write RELATIVE tables sorted; only an unusual file pays for the sort.
    order?.sort((a, b) => this.slots[a]! - this.slots[b]! || a - b);
    const slots = new Float64Array(count);
    const targets = new Float64Array(count);
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const index = order ? order[i]! : i;
      const slot = this.slots[index]!;
      if (kept > 0 && slots[kept - 1] === slot) kept--;
      slots[kept] = slot;
      targets[kept] = this.targets[index]!;
      kept++;
    }
    return kept === count ? { slots, targets } : { slots: slots.slice(0, kept), targets: targets.slice(0, kept) };
  }
}

/** Index of the first slot >= address. */
function lowerBound(slots: Float64Array, address: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (slots[middle]! < address) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The relocated target of one slot, or undefined when no relocation touches it. */
export function fixupTarget(fixups: PointerFixups, address: number): number | undefined {
  const index = lowerBound(fixups.slots, address);
  return fixups.slots[index] === address ? fixups.targets[index] : undefined;
}

/**
 * For scans that visit addresses in ascending order: each query moves forward through the slots instead of
 * searching, so a pass over every word of a section costs one comparison per word.
 */
export class FixupCursor {
  private index = 0;

  constructor(private readonly fixups: PointerFixups) {}

  /** The target stored at `address` after relocation, or undefined; `address` must not go backwards. */
  targetAt(address: number): number | undefined {
    const slots = this.fixups.slots;
    while (this.index < slots.length && slots[this.index]! < address) this.index++;
    return slots[this.index] === address ? this.fixups.targets[this.index] : undefined;
  }

  /** Restarts at an address (a new section). */
  seek(address: number): void {
    this.index = lowerBound(this.fixups.slots, address);
  }
}

/** A stored pointer-sized word, unsigned; null for 64-bit values past 2^53, which no address here reaches. */
export function storedWord(bytes: Uint8Array, wordSize: number, littleEndian: boolean): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (wordSize === 4) return view.getUint32(0, littleEndian);
  const low = view.getUint32(littleEndian ? 0 : 4, littleEndian);
  const high = view.getUint32(littleEndian ? 4 : 0, littleEndian);
  return high >= 0x200000 ? null : high * 0x1_0000_0000 + low;
}

/**
 * `Exe.pointerAt` over an Exe's own `readAt` and fixups: the relocated target when there is one (even in
 * zero-fill, which the loader writes too), else the stored word.
 */
export function pointerReader(
  exe: Pick<Exe, 'readAt' | 'bits' | 'littleEndian'>,
  fixups: PointerFixups,
): (address: number) => number | null {
  const wordSize = exe.bits / 8;
  return (address) => {
    const target = fixupTarget(fixups, address);
    if (target !== undefined) return target;
    const bytes = exe.readAt(address, wordSize);
    return bytes && bytes.length >= wordSize ? storedWord(bytes, wordSize, exe.littleEndian) : null;
  };
}
