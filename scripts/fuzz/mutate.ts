// Mutations for the long fuzz run. Every input is a pure function of (seed, index): a crash or a hang found by one
// process can be rebuilt by another, and a run can be repeated exactly.

/** A small, fast generator (mulberry32): good enough to pick offsets and values, and cheap to seed per input. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  below(n: number): number {
    return Math.floor(this.next() * Math.max(1, n));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

/** One generator per input, mixed from the run's seed and the input's index so neighbours share nothing. */
export function randomFor(seed: number, index: number): Random {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x27d4eb2f);
  return new Random(h ^ (h >>> 15));
}

/** A region of a file the readers trust: its headers, tables, the first bytes of the sections they decode. */
export interface Region {
  start: number;
  size: number;
}

/** Values that sit on the edges of counts, lengths and offsets. */
const EDGES = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff];

/** Byte changes made in place and undone afterwards: copying megabytes per input would dominate the run. */
export class InPlaceEdits {
  private readonly saved: { at: number; value: number }[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  set(at: number, value: number): void {
    if (at < 0 || at >= this.bytes.length) return;
    this.saved.push({ at, value: this.bytes[at]! });
    this.bytes[at] = value & 0xff;
  }

  undo(): void {
    for (let i = this.saved.length - 1; i >= 0; i--) this.bytes[this.saved[i]!.at] = this.saved[i]!.value;
    this.saved.length = 0;
  }
}

function offsetIn(random: Random, regions: readonly Region[], length: number, anywhere: boolean): number {
  // Half the changes land where the readers look first, half anywhere in the file (when that is wanted).
  if (regions.length === 0 || (anywhere && random.below(2) === 0)) return random.below(length);
  const region = random.pick(regions);
  return Math.min(length - 1, region.start + random.below(region.size));
}

function writeWord(edits: InPlaceEdits, at: number, value: number, width: number, bigEndian: boolean): void {
  for (let i = 0; i < width; i++) {
    const shift = 8 * (bigEndian ? width - 1 - i : i);
    edits.set(at + i, shift >= 32 ? 0 : (value >>> shift) & 0xff);
  }
}

/** One to eight changes: a flipped byte, an edge value as a byte or a word, or a run copied from elsewhere. */
export function mutateInPlace(
  random: Random,
  bytes: Uint8Array,
  regions: readonly Region[],
  edits: InPlaceEdits,
  anywhere = true,
): void {
  const count = 1 + random.below(8);
  for (let n = 0; n < count; n++) {
    const at = offsetIn(random, regions, bytes.length, anywhere);
    switch (random.below(5)) {
      case 0:
        edits.set(at, bytes[at]! ^ (1 + random.below(255)));
        break;
      case 1:
        edits.set(at, random.pick(EDGES));
        break;
      case 2: {
        const value = random.below(3) === 0 ? bytes.length + random.below(3) - 1 : random.pick(EDGES);
        writeWord(edits, at & ~3, value, random.pick([2, 4, 8]), random.below(4) === 0);
        break;
      }
      case 3: {
        const from = random.below(bytes.length);
        const span = 1 + random.below(64);
        for (let i = 0; i < span; i++) edits.set(at + i, bytes[from + i] ?? 0);
        break;
      }
      default:
        edits.set(at, random.below(256));
    }
  }
}

/** Bytes that matter to JSON and XML structure, so text mutations reach the parsers' error paths. */
const STRUCTURAL = [...'{}[]<>/"\'&;:,!=?#%\\-0123456789 \n'].map((c) => c.charCodeAt(0)).concat([0x00, 0xff, 0xc3]);
/** Fragments that steer text towards the parsers' and the secret rules' special cases. */
export const FRAGMENTS = [
  '"components":',
  '"version":',
  '"purl":"pkg:golang/',
  '<component>',
  '</component>',
  '<!ENTITY x "',
  '&x;',
  '\\u0000',
  '1e999',
  '-----BEGIN RSA PRIVATE KEY-----',
  'AKIA',
  'ghp_',
  'xoxb-',
  'eyJ',
  'password=',
  'https://user:',
  '@',
  '/home/',
  '\u00e9',
  '\ud800',
];

/** A copy of a small text with one to six structural changes: flips, deletions, duplications, insertions, a cut. */
export function mutateText(random: Random, input: Uint8Array): Uint8Array {
  let out = input;
  const count = 1 + random.below(6);
  const encoder = new TextEncoder();
  for (let n = 0; n < count; n++) {
    const at = random.below(out.length + 1);
    const end = Math.min(out.length, at + 1 + random.below(64));
    switch (random.below(6)) {
      case 0:
        out = out.slice();
        if (at < out.length) out[at] = out[at]! ^ (1 << random.below(8));
        break;
      case 1:
        out = out.slice();
        if (at < out.length) out[at] = random.pick(STRUCTURAL);
        break;
      case 2:
        out = concat(out.subarray(0, at), out.subarray(end));
        break;
      case 3:
        out = concat(out.subarray(0, end), out.subarray(at, end), out.subarray(end));
        break;
      case 4:
        out = concat(out.subarray(0, at), encoder.encode(random.pick(FRAGMENTS)), out.subarray(at));
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
