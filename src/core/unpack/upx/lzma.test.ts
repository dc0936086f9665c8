import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeUpxLzma } from '../../../../test/upx/lzma-encode';
import { decodeUpxLzma } from './lzma';

const fixture = readFileSync(new URL('../../../../test/fixtures/bin/linux-amd64', import.meta.url));

describe('decodeUpxLzma', () => {
  it('decodes what the LZMA-JS library encoded (code, read-only data, zeros, text)', () => {
    const samples = [
      fixture.subarray(0x1000, 0x1000 + 48 * 1024),
      fixture.subarray(fixture.length - 40 * 1024),
      new Uint8Array(20_000),
      new TextEncoder().encode('go1.19 '.repeat(3000)),
    ];
    for (const sample of samples) {
      const block = encodeUpxLzma(sample);
      const out = new Uint8Array(sample.length);
      decodeUpxLzma(block, out);
      expect(Buffer.from(out).equals(Buffer.from(sample))).toBe(true);
    }
  });
});
