/** Shannon entropy in bits per byte (0 for empty input, 8 for uniformly random bytes). */
export function shannonEntropy(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  // Four interleaved tables: neighbouring bytes do not wait on each other's counter, about twice as fast.
  const counts = new Uint32Array(1024);
  const whole = bytes.length - (bytes.length % 4);
  let i = 0;
  for (; i < whole; i += 4) {
    counts[bytes[i]!]!++;
    counts[256 + bytes[i + 1]!]!++;
    counts[512 + bytes[i + 2]!]!++;
    counts[768 + bytes[i + 3]!]!++;
  }
  for (; i < bytes.length; i++) counts[bytes[i]!]!++;
  let entropy = 0;
  for (let value = 0; value < 256; value++) {
    const c = counts[value]! + counts[256 + value]! + counts[512 + value]! + counts[768 + value]!;
    if (c === 0) continue;
    const p = c / bytes.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
