import { FormatError } from '../../io/errors';

const TOP = 1 << 24;
const MODEL_BITS = 11;
const MOVE_BITS = 5;
/** Every adaptive probability starts at one half. */
export const PROB_INIT = 1 << (MODEL_BITS - 1);

/** LZMA's range decoder (the LZMA specification's "rc" part) over one compressed block. */
export class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;
  pos: number;

  constructor(
    private readonly src: Uint8Array,
    start: number,
  ) {
    this.pos = start;
    // The encoder's first output byte is always 0 (it carries the cache of an empty low); anything else is not LZMA.
    if (this.next() !== 0) throw new FormatError(start, 'LZMA stream does not start with a zero byte');
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.next()) >>> 0;
    if (this.code === this.range) throw new FormatError(start, 'LZMA stream starts with an impossible code');
  }

  private next(): number {
    if (this.pos >= this.src.length) {
      throw new FormatError(this.pos, `LZMA stream ends early (at byte ${this.pos} of ${this.src.length})`);
    }
    return this.src[this.pos++]!;
  }

  private normalize(): void {
    if (this.range < TOP) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.next()) >>> 0;
    }
  }

  bit(probs: Uint16Array, index: number): number {
    const p = probs[index]!;
    const bound = (this.range >>> MODEL_BITS) * p;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      probs[index] = p + (((1 << MODEL_BITS) - p) >>> MOVE_BITS);
      bit = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      probs[index] = p - (p >>> MOVE_BITS);
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  direct(count: number): number {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range >>>= 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result = ((result << 1) | bit) >>> 0;
      this.normalize();
    }
    return result;
  }

  /** A `bits`-bit number, most significant bit first, from a binary tree of probabilities at `base`. */
  tree(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | this.bit(probs, base + m);
    return m - (1 << bits);
  }

  /** The same, least significant bit first (distances' low bits). */
  reverseTree(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    let result = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, base + m);
      m = (m << 1) | bit;
      result |= bit << i;
    }
    return result;
  }
}
