import type { Exe } from '../formats/exe';

const MIN_BUCKET_SHIFT = 4;
const BUCKETS_PER_FUNCTION = 4;

/**
 * What the decoders need to know about addresses: which ones are function entries and which lie in data. Entries
 * are kept sorted with the function index they belong to, so a lookup is a binary search over a typed array.
 */
export class CodeSpace {
  readonly entries: Float64Array;
  /** Function index of entries[i]. */
  readonly owners: Int32Array;
  /** Sorted, non-overlapping [start, end) pairs of mapped sections that are not code. */
  private readonly data: Float64Array;
  /** File bytes of those sections, in the same order (null for zero-fill), for reading funcvals. */
  private readonly contents: (Uint8Array | null)[];

  /** entries[buckets[b]] is the first entry at or after low + b * bucketSize: a lookup reads a few entries. */
  private readonly buckets: Int32Array;
  private readonly bucketSize: number;
  private readonly low: number;
  private readonly high: number;

  constructor(entries: readonly number[], exe: Exe) {
    // pclntab lists functions in address order; sorting is for damaged tables.
    const order = Int32Array.from(entries, (_, i) => i);
    if (entries.some((entry, i) => i > 0 && entry < entries[i - 1]!)) order.sort((a, b) => entries[a]! - entries[b]!);
    this.entries = Float64Array.from(order, (i) => entries[i]!);
    this.owners = order;
    const count = this.entries.length;
    this.low = count > 0 ? this.entries[0]! : 0;
    this.high = count > 0 ? this.entries[count - 1]! : -1;
    // About one bucket per function (Go aligns entries to 16 or 32 bytes), whatever the span of the table.
    let shift = MIN_BUCKET_SHIFT;
    while ((this.high - this.low) / 2 ** shift > Math.max(count, 1) * BUCKETS_PER_FUNCTION) shift++;
    this.bucketSize = 2 ** shift;
    this.buckets = this.bucketIndex();
    const sections = exe.sections
      .filter((s) => s.address !== 0 && s.size > 0 && s.kind !== 'code' && s.kind !== 'debug')
      .sort((a, b) => a.address - b.address);
    this.data = Float64Array.from(sections.flatMap((s) => [s.address, s.address + s.size]));
    this.contents = sections.map((s) => exe.sectionData(s));
  }

  private bucketIndex(): Int32Array {
    const size = Math.floor((this.high - this.low) / this.bucketSize) + 2;
    const buckets = new Int32Array(Math.max(size, 2));
    let next = 0;
    for (let b = 0; b < buckets.length; b++) {
      const start = this.low + b * this.bucketSize;
      while (next < this.entries.length && this.entries[next]! < start) next++;
      buckets[b] = next;
    }
    return buckets;
  }

  /** The function whose entry is exactly `address`, or -1. */
  functionAt(address: number): number {
    if (!(address >= this.low && address <= this.high)) return -1;
    const bucket = Math.floor((address - this.low) / this.bucketSize);
    const entries = this.entries;
    const end = this.buckets[bucket + 1]!;
    for (let k = this.buckets[bucket]!; k < end; k++) {
      const value = entries[k]!;
      if (value === address) return this.owners[k]!;
      if (value > address) return -1;
    }
    return -1;
  }

  /** True when `address` lies in a mapped section that holds data (rodata, data, bss, ...). */
  isData(address: number): boolean {
    return this.dataSection(address) >= 0;
  }

  /** Index of the data section holding `address`, or -1. */
  private dataSection(address: number): number {
    const data = this.data;
    let low = 0;
    let high = (data.length >> 1) - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (address < data[2 * mid]!) high = mid - 1;
      else if (address >= data[2 * mid + 1]!) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /**
   * The function whose entry is word 0 of the data at `address` (a funcval: how Go passes a top-level function
   * as a value), or -1. Little-endian words only: every architecture the pass decodes is little-endian.
   */
  funcvalAt(address: number, ptrSize: 4 | 8): number {
    const section = this.dataSection(address);
    const bytes = section < 0 ? null : this.contents[section];
    if (!bytes) return -1;
    const at = address - this.data[2 * section]!;
    if (at + ptrSize > bytes.length) return -1;
    let value = 0;
    for (let k = ptrSize - 1; k >= 0; k--) value = value * 256 + bytes[at + k]!;
    return this.functionAt(value);
  }
}
