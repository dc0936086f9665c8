import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../test/fuzz';
import { Claims } from './claims';

type Claim = [start: number, end: number, owner: number];

/**
 * The rule the class documents, byte by byte: a byte belongs to the claim that starts first, the longer one among
 * claims with the same start, the first added among equal ones.
 */
function naive(claims: Claim[], window: { start: number; end: number }, owners: number): number[] {
  const bytes = new Array<number>(owners).fill(0);
  const ranked = claims
    .map((claim, index) => ({ claim, index }))
    .filter(({ claim: [start, end, owner] }) => end > start && owner >= 0);
  ranked.sort((a, b) => a.claim[0] - b.claim[0] || b.claim[1] - a.claim[1] || a.index - b.index);
  for (let at = window.start; at < window.end; at++) {
    // The first claim in that order that covers the byte and that no earlier claim's reach has passed.
    let reached = -Infinity;
    for (const { claim } of ranked) {
      if (claim[0] > at) break;
      if (claim[1] > at && reached <= at) {
        bytes[claim[2]]!++;
        break;
      }
      reached = Math.max(reached, claim[1]);
    }
  }
  return bytes;
}

describe('Claims ordering', () => {
  it('gives each byte to the claim the documented order names, for starts small and past 2^16', () => {
    const claim = fc.tuple(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 60 }), fc.constantFrom(0, 65_500, 2 ** 31 - 100), (raw, shift) => {
        const claims: Claim[] = raw.map(([start, length, owner]) => [shift + start, shift + start + length, owner]);
        const table = new Claims();
        for (const [start, end, owner] of claims) table.add(start, end, owner);
        const window = { start: shift + 20, end: shift + 320 };
        const [resolved] = table.resolve([window], 4);
        expect(Array.from(resolved!.bytes)).toEqual(naive(claims, window, 4));
      }),
      fuzzOptions(200, 20261202),
    );
  });
});
