import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeNrv } from '../../../../test/upx/nrv-encode';
import { decodeNrv, type NrvVariant } from './nrv';

const fixture = readFileSync(new URL('../../../../test/fixtures/bin/linux-amd64', import.meta.url));
const variants: NrvVariant[] = ['2b', '2d', '2e'];
const widths = [8, 16, 32] as const;

describe('decodeNrv', () => {
  const samples = {
    code: fixture.subarray(0x1000, 0x1000 + 256 * 1024),
    tail: fixture.subarray(fixture.length - 64 * 1024),
    zeros: new Uint8Array(70_000),
    short: Uint8Array.of(1, 2, 3),
  };
  for (const variant of variants)
    for (const width of widths)
      it(`restores code, data, zeros and a 3-byte block (NRV${variant.toUpperCase()}, ${width}-bit)`, () => {
        for (const sample of Object.values(samples)) {
          const packed = encodeNrv(variant, width, sample);
          const out = new Uint8Array(sample.length);
          decodeNrv(variant, width, packed, out);
          expect(Buffer.from(out).equals(Buffer.from(sample))).toBe(true);
        }
      });

  it('compresses: the greedy encoder shrinks machine code, so matches (not just literals) are exercised', () => {
    const packed = encodeNrv('2e', 32, samples.code);
    expect(packed.length).toBeLessThan(samples.code.length * 0.8);
  });

  it('says where a block claims more output than its header (a bomb) or too little', () => {
    const packed = encodeNrv('2b', 32, samples.zeros);
    expect(() => decodeNrv('2b', 32, packed, new Uint8Array(1000))).toThrow(/more than the 1000 bytes/);
    expect(() => decodeNrv('2b', 32, packed, new Uint8Array(80_000))).toThrow(/its header says 80000/);
  });

  it('rejects a truncated block and a match before the start', () => {
    const packed = encodeNrv('2d', 8, samples.code);
    expect(() =>
      decodeNrv('2d', 8, packed.subarray(0, packed.length >> 1), new Uint8Array(samples.code.length)),
    ).toThrow(/ends early/);
    // A first control bit of 0 is a match with nothing written yet.
    expect(() => decodeNrv('2d', 8, Uint8Array.of(0x00, 0x00, 0x00, 0x00), new Uint8Array(16))).toThrow(
      /refers|ends early|out of range/,
    );
  });
});
