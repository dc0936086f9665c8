/**
 * Byte ranges claimed by owners (packages), resolved so that every byte counts once: where two claims overlap, the
 * one that starts first keeps the shared bytes (a deduplicated pc table or a literal shared by two packages is
 * counted for the first). Ranges are file offsets, [start, end).
 */
export class Claims {
  private starts: number[] = [];
  private ends: number[] = [];
  private owners: number[] = [];

  add(start: number, end: number, owner: number): void {
    if (!(end > start) || owner < 0) return;
    this.starts.push(start);
    this.ends.push(end);
    this.owners.push(owner);
  }

  get count(): number {
    return this.starts.length;
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
    const order = new Uint32Array(this.starts.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => this.starts[a]! - this.starts[b]! || this.ends[b]! - this.ends[a]!);
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
