import { describe, expect, it } from 'vitest';
import { poolSizeFor } from './limits';

describe('poolSizeFor', () => {
  it('leaves one core free, runs at least one worker and at most four', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map(poolSizeFor)).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });
});
