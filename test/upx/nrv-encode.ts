import type { NrvVariant } from '../../src/core/unpack/upx/nrv';

/**
 * A small greedy NRV2B/2D/2E encoder for tests, written from the bit format (not from UCL): literals and
 * matches found through a hash of the next three bytes. It compresses worse than UCL but any valid stream will
 * do: what the tests check is that the decoder restores the exact input.
 */
const WINDOW = 1 << 17;
const CHAIN = 24;
const MAX_MATCH = 1 << 16;
const END_HIGH = 0x1000002;

class BitWriter {
  readonly out: number[] = [];
  private wordAt = -1;
  private left = 0;
  private word = 0;

  constructor(private readonly width: 8 | 16 | 32) {}

  bit(b: number): void {
    if (this.left === 0) {
      this.store();
      this.wordAt = this.out.length;
      for (let i = 0; i < this.width / 8; i++) this.out.push(0);
      this.left = this.width;
      this.word = 0;
    }
    this.left--;
    this.word = (this.word | (b << this.left)) >>> 0;
  }

  byte(b: number): void {
    this.out.push(b & 0xff);
  }

  finish(): Uint8Array {
    this.store();
    return Uint8Array.from(this.out);
  }

  private store(): void {
    if (this.wordAt < 0) return;
    for (let i = 0; i < this.width / 8; i++) this.out[this.wordAt + i] = (this.word >>> (8 * i)) & 0xff;
  }
}

function gamma(w: BitWriter, value: number): void {
  const top = 31 - Math.clz32(value);
  for (let i = top - 1; i >= 0; i--) {
    w.bit((value >>> i) & 1);
    w.bit(i === 0 ? 1 : 0);
  }
}

function offsetBits(value: number, stop: number): number[] {
  const low = value & 1;
  const m = value >>> 1;
  if (m === 1) return [low, stop];
  return [...offsetBits((m >>> 1) + 1, 0), m & 1, low, stop];
}

function gammaOffset(w: BitWriter, value: number): void {
  for (const b of offsetBits(value, 1)) w.bit(b);
}

interface Coder {
  variant: NrvVariant;
  last: number;
}

function far(variant: NrvVariant, distance: number): number {
  return distance > (variant === '2b' ? 0xd00 : 0x500) ? 1 : 0;
}

/** The smallest match each variant can code at this distance. */
function minLength(variant: NrvVariant, distance: number): number {
  return 2 + far(variant, distance);
}

function putMatch(w: BitWriter, c: Coder, distance: number, length: number): void {
  w.bit(0);
  const rest = length - 1 - far(c.variant, distance);
  const rep = distance === c.last;
  if (c.variant === '2b') {
    if (rep) gamma(w, 2);
    else {
      gamma(w, ((distance - 1) >>> 8) + 3);
      w.byte((distance - 1) & 0xff);
    }
    if (rest <= 3) {
      w.bit(rest >> 1);
      w.bit(rest & 1);
    } else {
      w.bit(0);
      w.bit(0);
      gamma(w, rest - 2);
    }
  } else {
    const first = c.variant === '2d' ? (rest <= 3 ? rest >> 1 : 0) : rest <= 2 ? 1 : 0;
    if (rep) {
      gammaOffset(w, 2);
      w.bit(first);
    } else {
      const offset = ((distance - 1) * 2) | (first ^ 1);
      gammaOffset(w, Math.floor(offset / 256) + 3);
      w.byte(offset & 0xff);
    }
    putLength2de(w, c.variant, first, rest);
  }
  c.last = distance;
}

function putLength2de(w: BitWriter, variant: NrvVariant, first: number, rest: number): void {
  if (variant === '2d') {
    if (rest <= 3) w.bit(rest & 1);
    else {
      w.bit(0);
      gamma(w, rest - 2);
    }
    return;
  }
  if (first) w.bit(rest - 1);
  else if (rest <= 4) {
    w.bit(1);
    w.bit(rest - 3);
  } else {
    w.bit(0);
    gamma(w, rest - 3);
  }
}

function putEnd(w: BitWriter, variant: NrvVariant): void {
  w.bit(0);
  if (variant === '2b') gamma(w, END_HIGH);
  else gammaOffset(w, END_HIGH);
  w.byte(0xff);
}

function hash3(data: Uint8Array, i: number): number {
  return ((data[i]! << 16) ^ (data[i + 1]! << 8) ^ data[i + 2]!) & 0xffff;
}

function longest(data: Uint8Array, i: number, heads: Int32Array, prev: Int32Array): [number, number] {
  let best = 0;
  let bestDistance = 0;
  let candidate = heads[hash3(data, i)]!;
  const limit = Math.min(MAX_MATCH, data.length - i);
  for (let n = 0; candidate >= 0 && i - candidate <= WINDOW && n < CHAIN; n++) {
    let length = 0;
    while (length < limit && data[candidate + length] === data[i + length]) length++;
    if (length > best) [best, bestDistance] = [length, i - candidate];
    candidate = prev[candidate]!;
  }
  return [best, bestDistance];
}

export function encodeNrv(variant: NrvVariant, width: 8 | 16 | 32, data: Uint8Array): Uint8Array {
  const w = new BitWriter(width);
  const coder: Coder = { variant, last: 1 };
  const heads = new Int32Array(1 << 16).fill(-1);
  const prev = new Int32Array(data.length).fill(-1);
  const insert = (at: number): void => {
    if (at + 2 >= data.length) return;
    const h = hash3(data, at);
    prev[at] = heads[h]!;
    heads[h] = at;
  };
  let i = 0;
  while (i < data.length) {
    const [length, distance] = i + 2 < data.length ? longest(data, i, heads, prev) : [0, 0];
    if (length >= 3 && length >= minLength(variant, distance)) {
      putMatch(w, coder, distance, length);
      for (let k = 0; k < length; k++) insert(i + k);
      i += length;
    } else {
      w.bit(1);
      w.byte(data[i]!);
      insert(i++);
    }
  }
  putEnd(w, variant);
  return w.finish();
}
