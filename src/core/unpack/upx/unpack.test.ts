import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packUpx, type PackOptions } from '../../../../test/upx/packer';
import { unpackUpx } from './index';

const bin = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/bin/${name}`, import.meta.url)));
const full = bin('linux-amd64');

function roundTrip(original: Uint8Array, options: PackOptions): ReturnType<typeof unpackUpx> {
  const packed = packUpx(original, options);
  const result = unpackUpx(packed);
  expect(result).not.toBeNull();
  // The whole original file comes back: segments, the gaps between them, symbol tables and section headers.
  expect(Buffer.from(result!.image).equals(Buffer.from(original))).toBe(true);
  return result;
}

describe('unpackUpx on files packed by the test packer', () => {
  const cases: [string, PackOptions][] = [
    ['NRV2B LE32', { method: 2 }],
    ['NRV2B 8-bit', { method: 3, blockSize: 300_000 }],
    ['NRV2D LE32 with ctok32 0x49', { method: 5, filter: 0x49 }],
    ['NRV2D LE16', { method: 7 }],
    ['NRV2E LE32 with ctok32 0x49', { method: 8, filter: 0x49 }],
    ['NRV2E 8-bit with ctok32 0x46', { method: 9, filter: 0x46, blockSize: 1 << 20 }],
  ];
  for (const [name, options] of cases)
    it(`restores linux-amd64 byte for byte (${name})`, () => {
      const result = roundTrip(full, options);
      expect(result!.facts.unpackedSize).toBe(full.length);
      if (options.filter) expect(result!.facts.filters).toEqual([`ctok32 0x${options.filter.toString(16)}`]);
    });

  it('names the methods and counts the blocks it read', () => {
    const result = roundTrip(full, { method: 8, filter: 0x49 });
    expect(result!.facts.methods).toEqual(['NRV2E (LE32)']);
    expect(result!.facts.format).toBe('Linux ELF amd64');
    expect(result!.facts.blocks).toBeGreaterThan(full.length / (256 * 1024));
  });

  it('returns null for a file without a PackHeader', () => {
    expect(unpackUpx(full)).toBeNull();
  });
});
