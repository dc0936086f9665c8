import { FormatError } from '../../io/errors';
import { PROB_INIT, RangeDecoder } from './range-decoder';

const STATES = 12;
const POS_STATES_MAX = 16;
const END_POS_MODEL = 14;
const FULL_DISTANCES = 128;
const MATCH_MIN = 2;

function probs(size: number): Uint16Array {
  return new Uint16Array(size).fill(PROB_INIT);
}

/** One length coder (plain matches and repeated matches each have their own). */
class LengthDecoder {
  private readonly choice = probs(2);
  private readonly low = probs(POS_STATES_MAX << 3);
  private readonly mid = probs(POS_STATES_MAX << 3);
  private readonly high = probs(256);

  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.choice, 0) === 0) return rc.tree(this.low, posState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + rc.tree(this.mid, posState << 3, 3);
    return 16 + rc.tree(this.high, 0, 8);
  }
}

interface Properties {
  lc: number;
  lp: number;
  pb: number;
}

/**
 * UPX stores LZMA as two bytes of its own, [(lc+lp)<<3 | pb, lp<<4 | lc] (the first byte's high bits let its
 * loader size the probability table without arithmetic), then the raw range-coded stream, without the usual
 * 13-byte header and normally without an end marker: the block header gives the output size.
 */
export function upxLzmaProperties(src: Uint8Array): Properties {
  if (src.length < 2) throw new FormatError(0, 'LZMA block is shorter than its 2-byte header');
  const pb = src[0]! & 7;
  const lp = src[1]! >> 4;
  const lc = src[1]! & 15;
  if (pb > 4 || lp > 4 || lc > 8 || src[0]! >> 3 !== lc + lp) {
    throw new FormatError(0, `LZMA properties ${src[0]!.toString(16)} ${src[1]!.toString(16)} are not UPX's`);
  }
  return { lc, lp, pb };
}

/** Decodes one UPX LZMA block into `out` (exactly the block's uncompressed size; the output is the dictionary). */
export function decodeUpxLzma(src: Uint8Array, out: Uint8Array): void {
  new LzmaDecoder(upxLzmaProperties(src), new RangeDecoder(src, 2), out).run();
}

class LzmaDecoder {
  private readonly isMatch = probs(STATES * POS_STATES_MAX);
  private readonly isRep = probs(STATES);
  private readonly isRepG0 = probs(STATES);
  private readonly isRepG1 = probs(STATES);
  private readonly isRepG2 = probs(STATES);
  private readonly isRep0Long = probs(STATES * POS_STATES_MAX);
  private readonly posSlot = probs(4 << 6);
  private readonly specPos = probs(1 + FULL_DISTANCES - END_POS_MODEL);
  private readonly align = probs(16);
  private readonly lengths = new LengthDecoder();
  private readonly repLengths = new LengthDecoder();
  private readonly literals: Uint16Array;
  private state = 0;
  private readonly reps = [0, 0, 0, 0];
  private pos = 0;

  constructor(
    private readonly props: Properties,
    private readonly rc: RangeDecoder,
    private readonly out: Uint8Array,
  ) {
    this.literals = probs(0x300 << (props.lc + props.lp));
  }

  run(): void {
    const posMask = (1 << this.props.pb) - 1;
    const { rc, out } = this;
    while (this.pos < out.length) {
      const posState = this.pos & posMask;
      if (rc.bit(this.isMatch, (this.state << 4) + posState) === 0) {
        this.literal();
        continue;
      }
      const length = rc.bit(this.isRep, this.state) ? this.repeated(posState) : this.fresh(posState);
      if (length < 0) break;
      this.copy(length);
    }
    if (this.pos !== out.length) {
      throw new FormatError(rc.pos, `LZMA block ends at ${this.pos} bytes, its header says ${out.length}`);
    }
  }

  private literal(): void {
    const { lc, lp } = this.props;
    const { out, rc } = this;
    const previous = this.pos > 0 ? out[this.pos - 1]! : 0;
    const base = 0x300 * (((this.pos & ((1 << lp) - 1)) << lc) + (previous >> (8 - lc)));
    let symbol = 1;
    if (this.state >= 7) {
      let matchByte = this.byteBack(this.reps[0]!);
      do {
        const matchBit = (matchByte >> 7) & 1;
        matchByte <<= 1;
        const bit = rc.bit(this.literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | bit;
        if (matchBit !== bit) break;
      } while (symbol < 0x100);
    }
    while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literals, base + symbol);
    out[this.pos++] = symbol - 0x100;
    this.state = this.state < 4 ? 0 : this.state < 10 ? this.state - 3 : this.state - 6;
  }

  private byteBack(distance: number): number {
    if (distance >= this.pos) {
      throw new FormatError(this.rc.pos, `LZMA match refers ${distance + 1} bytes back, only ${this.pos} written`);
    }
    return this.out[this.pos - distance - 1]!;
  }

  /** A match at one of the four last distances; returns its length, or 0 after a one-byte "short rep". */
  private repeated(posState: number): number {
    const { rc, reps } = this;
    if (this.pos === 0) throw new FormatError(rc.pos, 'LZMA stream repeats a match before any output');
    if (rc.bit(this.isRepG0, this.state) === 0) {
      if (rc.bit(this.isRep0Long, (this.state << 4) + posState) === 0) {
        this.state = this.state < 7 ? 9 : 11;
        this.out[this.pos] = this.byteBack(reps[0]!);
        this.pos++;
        return 0;
      }
    } else {
      let distance: number;
      if (rc.bit(this.isRepG1, this.state) === 0) distance = reps[1]!;
      else {
        if (rc.bit(this.isRepG2, this.state) === 0) distance = reps[2]!;
        else {
          distance = reps[3]!;
          reps[3] = reps[2]!;
        }
        reps[2] = reps[1]!;
      }
      reps[1] = reps[0]!;
      reps[0] = distance;
    }
    this.state = this.state < 7 ? 8 : 11;
    return this.repLengths.decode(rc, posState) + MATCH_MIN;
  }

  /** A match at a new distance; -1 for the end marker. */
  private fresh(posState: number): number {
    const { rc, reps } = this;
    reps[3] = reps[2]!;
    reps[2] = reps[1]!;
    reps[1] = reps[0]!;
    const length = this.lengths.decode(rc, posState);
    this.state = this.state < 7 ? 7 : 10;
    const distance = this.distance(length);
    if (distance === 0xffffffff) return -1;
    reps[0] = distance;
    return length + MATCH_MIN;
  }

  private distance(length: number): number {
    const rc = this.rc;
    const slot = rc.tree(this.posSlot, Math.min(length, 3) << 6, 6);
    if (slot < 4) return slot;
    const direct = (slot >> 1) - 1;
    const base = ((2 | (slot & 1)) << direct) >>> 0;
    if (slot < END_POS_MODEL) return base + rc.reverseTree(this.specPos, base - slot, direct);
    return base + rc.direct(direct - 4) * 16 + rc.reverseTree(this.align, 0, 4);
  }

  /** Copies a match; one that runs past the stated size ends the block there, as LZMA decoders with a known size do. */
  private copy(length: number): void {
    if (length === 0) return;
    const distance = this.reps[0]!;
    this.byteBack(distance);
    const out = this.out;
    const end = Math.min(out.length, this.pos + length);
    let from = this.pos - distance - 1;
    for (let to = this.pos; to < end; to++) out[to] = out[from++]!;
    this.pos = end;
  }
}
