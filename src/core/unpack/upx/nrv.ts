import { FormatError } from '../../io/errors';
import { NrvBits } from './bits';

/** The three NRV variants UPX uses; they differ in how offsets and lengths are coded. */
export type NrvVariant = '2b' | '2d' | '2e';

/** Offsets are 24-bit at most: the gamma-coded high part past this value only occurs in the end marker. */
const MAX_OFFSET_HIGH = 0x1000002;
/** Matches this far back cost one more byte of length (UCL's rule: they are rarely worth it otherwise). */
const FAR_2B = 0xd00;
const FAR_2DE = 0x500;

interface Match {
  /** Distance back from the current output position, or -1 for the end marker. */
  distance: number;
  length: number;
}

/**
 * Decodes one NRV2B/2D/2E block into `out`, which has exactly the uncompressed size the block header states.
 * Every distance and length is checked against what has been written and what fits: a block that claims more
 * output than its header (a decompression bomb) or refers before the start is a FormatError.
 */
export function decodeNrv(variant: NrvVariant, width: 8 | 16 | 32, src: Uint8Array, out: Uint8Array): void {
  const bits = new NrvBits(src, width);
  const next = variant === '2b' ? match2b : variant === '2d' ? match2d : match2e;
  const state = { lastDistance: 1 };
  let olen = 0;
  for (;;) {
    while (bits.bit()) {
      if (olen >= out.length) throw tooLong(bits, out);
      out[olen++] = bits.byte();
    }
    const match = next(bits, state, out.length);
    if (match.distance < 0) break;
    if (match.distance > olen) {
      throw new FormatError(bits.pos, `match refers ${match.distance} bytes back, only ${olen} written`);
    }
    if (olen + match.length > out.length) throw tooLong(bits, out);
    copyMatch(out, olen, match.distance, match.length);
    olen += match.length;
  }
  if (olen !== out.length) {
    throw new FormatError(bits.pos, `block decodes to ${olen} bytes, its header says ${out.length}`);
  }
}

function tooLong(bits: NrvBits, out: Uint8Array): FormatError {
  return new FormatError(bits.pos, `block decodes to more than the ${out.length} bytes its header says`);
}

/** Byte by byte on purpose: a match may overlap the bytes it produces (distance < length repeats a pattern). */
function copyMatch(out: Uint8Array, at: number, distance: number, length: number): void {
  let from = at - distance;
  const end = at + length;
  for (let to = at; to < end; to++) out[to] = out[from++]!;
}

/** UCL's Elias-gamma style number: a leading 1, then (bit, stop) pairs. Values start at 2. */
function gamma(bits: NrvBits, limit: number): number {
  let value = 1;
  do {
    value = value * 2 + bits.bit();
    if (value > limit) {
      throw new FormatError(
        bits.pos,
        limit === MAX_OFFSET_HIGH
          ? 'match offset out of range'
          : `block decodes to more than the ${limit} bytes its header says`,
      );
    }
  } while (!bits.bit());
  return value;
}

/** NRV2D/2E's offset number: (bit, stop) pairs where a non-stop folds one more bit in. */
function gammaOffset(bits: NrvBits): number {
  let value = 1;
  for (;;) {
    value = value * 2 + bits.bit();
    if (value > MAX_OFFSET_HIGH) throw new FormatError(bits.pos, 'match offset out of range');
    if (bits.bit()) return value;
    value = (value - 1) * 2 + bits.bit();
  }
}

function match2b(bits: NrvBits, state: { lastDistance: number }, limit: number): Match {
  const high = gamma(bits, MAX_OFFSET_HIGH);
  if (high !== 2) {
    const offset = (high - 3) * 256 + bits.byte();
    if (offset === 0xffffffff) return { distance: -1, length: 0 };
    state.lastDistance = offset + 1;
  }
  let length = bits.bit() * 2 + bits.bit();
  if (length === 0) length = gamma(bits, limit) + 2;
  length += state.lastDistance > FAR_2B ? 1 : 0;
  return { distance: state.lastDistance, length: length + 1 };
}

/** The offset of 2D/2E; its low bit carries the first length bit. Null for the end marker. */
function offset2de(bits: NrvBits, state: { lastDistance: number }): number | null {
  const high = gammaOffset(bits);
  if (high === 2) return bits.bit();
  const offset = (high - 3) * 256 + bits.byte();
  if (offset === 0xffffffff) return null;
  state.lastDistance = Math.floor(offset / 2) + 1;
  return (offset & 1) ^ 1;
}

function match2d(bits: NrvBits, state: { lastDistance: number }, limit: number): Match {
  const first = offset2de(bits, state);
  if (first === null) return { distance: -1, length: 0 };
  let length = first * 2 + bits.bit();
  if (length === 0) length = gamma(bits, limit) + 2;
  length += state.lastDistance > FAR_2DE ? 1 : 0;
  return { distance: state.lastDistance, length: length + 1 };
}

function match2e(bits: NrvBits, state: { lastDistance: number }, limit: number): Match {
  const first = offset2de(bits, state);
  if (first === null) return { distance: -1, length: 0 };
  let length: number;
  if (first) length = 1 + bits.bit();
  else if (bits.bit()) length = 3 + bits.bit();
  else length = gamma(bits, limit) + 3;
  length += state.lastDistance > FAR_2DE ? 1 : 0;
  return { distance: state.lastDistance, length: length + 1 };
}
