import { grown } from '../code/columns';

const INITIAL_CAPACITY = 1024;

/**
 * Byte ranges claimed by owners (packages), resolved so that every byte counts once: where two claims overlap, the
 * one that starts first keeps the shared bytes (a deduplicated pc table or a literal shared by two packages is
 * counted for the first). Ranges are file offsets, [start, end).
 */
export class Claims {
  // Typed columns grown by doubling: a large binary makes hundreds of thousands of claims, and plain arrays of
  // numbers cost more to fill and to sort by.
  private starts = new Float64Array(INITIAL_CAPACITY);
  private ends = new Float64Array(INITIAL_CAPACITY);
  private owners = new Int32Array(INITIAL_CAPACITY);
  private size = 0;

  add(start: number, end: number, owner: number): void {
    if (!(end > start) || owner < 0) return;
    if (this.size === this.starts.length) this.grow();
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.owners[this.size] = owner;
    this.size++;
  }

  get count(): number {
    return this.size;
  }

  private grow(): void {
    const rows = this.size + 1;
    this.starts = grown(this.starts, rows);
    this.ends = grown(this.ends, rows);
    this.owners = grown(this.owners, rows);
  }

  /**
   * Bytes per owner inside each window (a section's file range), with what no claim covers. `windows` must not
   * overlap; a claim that crosses a window's edge is counted for the part inside it.
   */
  resolve(windows: readonly { start: number; end: number }[], ownerCount: number): WindowBytes[] {
    const sorted = this.sortedOrder();
    return windows.map((window) => this.resolveWindow(window, sorted, ownerCount));
  }

  private sortedOrder(): { order: Uint32Array; reach: Float64Array } {
    const order = byStartLongestFirst(this.starts.subarray(0, this.size), this.ends);
    // reach[k]: the furthest end among the first k+1 claims, rising, so a binary search finds where a window's
    // overlapping claims begin.
    const reach = new Float64Array(order.length);
    let furthest = -Infinity;
    for (let k = 0; k < order.length; k++) {
      furthest = Math.max(furthest, this.ends[order[k]!]!);
      reach[k] = furthest;
    }
    return { order, reach };
  }

  private resolveWindow(
    window: { start: number; end: number },
    sorted: { order: Uint32Array; reach: Float64Array },
    ownerCount: number,
  ): WindowBytes {
    const { order } = sorted;
    const bytes = new Float64Array(ownerCount);
    let reached = window.start;
    let attributed = 0;
    for (let k = firstReaching(sorted.reach, window.start); k < order.length; k++) {
      const i = order[k]!;
      const start = this.starts[i]!;
      if (start >= window.end) break;
      const from = Math.max(start, reached);
      const to = Math.min(this.ends[i]!, window.end);
      if (to > from) {
        bytes[this.owners[i]!]! += to - from;
        attributed += to - from;
        reached = to;
      }
    }
    return { bytes, attributed, unattributed: window.end - window.start - attributed };
  }
}

/**
 * Claim indexes by start, the longest first among equal starts, equal claims in the order they were added. Starts
 * that are file offsets below 2^32 (every file the reader takes) are ordered by a stable two-pass radix sort of
 * their 16-bit halves, several times faster than sorting numbers; only claims that share a start are then ordered
 * by end.
 */
function byStartLongestFirst(starts: Float64Array, ends: Float64Array): Uint32Array {
  const n = starts.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let radixable = true;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    if (!Number.isInteger(start) || start < 0 || start >= RADIX_LIMIT) radixable = false;
  }
  if (!radixable) return order.sort((a, b) => starts[a]! - starts[b]! || ends[b]! - ends[a]!);
  let spare = new Uint32Array(n);
  for (const shift of [0, 16]) {
    const next = new Uint32Array(DIGITS + 1);
    for (let i = 0; i < n; i++) next[((starts[i]! >>> shift) & (DIGITS - 1)) + 1]!++;
    for (let digit = 0; digit < DIGITS; digit++) next[digit + 1]! += next[digit]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      spare[next[(starts[i]! >>> shift) & (DIGITS - 1)]!++] = i;
    }
    [order, spare] = [spare, order];
  }
  for (let k = 0; k < n;) {
    let next = k + 1;
    while (next < n && starts[order[next]!] === starts[order[k]!]) next++;
    // Typed-array sort is stable: equal claims keep their index order.
    if (next - k > 1) order.subarray(k, next).sort((a, b) => ends[b]! - ends[a]!);
    k = next;
  }
  return order;
}

/** Starts below this are sorted by radix (two 16-bit digits). */
const RADIX_LIMIT = 2 ** 32;
const DIGITS = 1 << 16;

/** The first k whose running furthest end passes `offset`: no claim before it reaches the window. */
function firstReaching(reach: Float64Array, offset: number): number {
  let low = 0;
  let high = reach.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reach[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface WindowBytes {
  /** Bytes per owner index. */
  bytes: Float64Array;
  attributed: number;
  unattributed: number;
}
