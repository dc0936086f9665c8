import { describe, expect, it } from 'vitest';
import { shannonEntropy } from './entropy';

describe('shannonEntropy', () => {
  it('is 0 for empty and constant input', () => {
    expect(shannonEntropy(new Uint8Array())).toBe(0);
    expect(shannonEntropy(new Uint8Array(1001).fill(7))).toBe(0);
  });

  it('is log2 of the number of equally frequent values, whatever the length', () => {
    expect(shannonEntropy(Uint8Array.from({ length: 256 }, (_, i) => i))).toBeCloseTo(8, 10);
    expect(
      shannonEntropy(Uint8Array.from({ length: 1027 }, (_, i) => (i < 1024 ? i % 4 : [0, 1, 2][i - 1024]!))),
    ).toBeCloseTo(2, 2);
    expect(shannonEntropy(new Uint8Array([0, 1, 0]))).toBeCloseTo(
      -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3),
      12,
    );
  });

  it('is the same for a view at any alignment in its buffer (words in the middle, bytes at the ends)', () => {
    for (const skip of [0, 1, 2, 3]) {
      const buffer = new Uint8Array(skip + 256 + 5).fill(0xee);
      buffer.set(
        Uint8Array.from({ length: 256 }, (_, i) => i),
        skip,
      );
      expect(shannonEntropy(buffer.subarray(skip, skip + 256))).toBeCloseTo(8, 10);
      buffer.set([0, 1, 0], skip);
      expect(shannonEntropy(buffer.subarray(skip, skip + 3))).toBeCloseTo(
        -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3),
        12,
      );
    }
  });
});
