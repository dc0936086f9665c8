/** Shannon entropy in bits per byte (0 for empty input, 8 for uniformly random bytes). */
export function shannonEntropy(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  const counts = countBytes(bytes);
  let entropy = 0;
  for (let value = 0; value < 256; value++) {
    const c = counts[value]! + counts[256 + value]! + counts[512 + value]! + counts[768 + value]!;
    if (c === 0) continue;
    const p = c / bytes.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Byte counts in four interleaved tables (summed by the caller): neighbouring bytes do not wait on each other's
 * counter. The aligned middle is read four bytes at a time, a quarter of the loads; which byte of a word goes to
 * which table does not matter, so the byte order does not either.
 */
function countBytes(bytes: Uint8Array): Uint32Array {
  const counts = new Uint32Array(1024);
  const length = bytes.length;
  let i = 0;
  const head = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < head; i++) counts[bytes[i]!]!++;
  const wordCount = (length - i) >>> 2;
  if (wordCount > 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, wordCount);
    for (let w = 0; w < wordCount; w++) {
      const word = words[w]!;
      counts[word & 0xff]!++;
      counts[256 + ((word >>> 8) & 0xff)]!++;
      counts[512 + ((word >>> 16) & 0xff)]!++;
      counts[768 + (word >>> 24)]!++;
    }
    i += wordCount * 4;
  }
  for (; i < length; i++) counts[bytes[i]!]!++;
  return counts;
}
