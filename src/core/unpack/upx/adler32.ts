const MOD = 65521;
/** The most bytes summed before the 32-bit sums must be reduced (zlib's NMAX). */
const CHUNK = 5552;

/** Adler-32 as UPX uses it: running over every block, starting from 1 (the checksum of nothing). */
export function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = start >>> 16;
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + CHUNK);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}
