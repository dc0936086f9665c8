import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { fixture } from '../../../../test/fixtures';
import { fuzzOptions } from '../../../../test/fuzz';
import { filterCtok32 } from '../../../../test/upx/filter-encode';
import { encodeUpxLzma } from '../../../../test/upx/lzma-encode';
import { encodeNrv } from '../../../../test/upx/nrv-encode';
import { packUpx } from '../../../../test/upx/packer';
import { FormatError } from '../../io/errors';
import { unfilter } from './filter';
import { unpackUpx } from './index';
import { decodeUpxLzma } from './lzma';
import { decodeNrv, type NrvVariant } from './nrv';

// Seeded fuzzing of each decoder: random and bit-flipped streams may only give a FormatError (or decode), never
// another error, a hang or an allocation beyond the stated output size.
function onlyFormatErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

const variant = fc.constantFrom<NrvVariant>('2b', '2d', '2e');
const width = fc.constantFrom<8 | 16 | 32>(8, 16, 32);
const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 });

function flipped(source: Uint8Array, edits: [number, number][]): Uint8Array {
  const copy = source.slice();
  for (const [at, bit] of edits) copy[at % copy.length]! ^= 1 << bit;
  return copy;
}

let code: Uint8Array;
let lzmaBlock: Uint8Array;
let packed: Uint8Array;

beforeAll(() => {
  const bytes = fixture('linux-amd64-sw');
  code = bytes.slice(0x1000, 0x1000 + 16 * 1024);
  lzmaBlock = encodeUpxLzma(code);
  packed = packUpx(bytes, { method: 5, filter: 0x49, blockSize: 64 * 1024 });
});

describe('UPX decoders under fuzzing', () => {
  it('NRV: random bytes', () => {
    fc.assert(
      fc.property(variant, width, fc.uint8Array({ maxLength: 2048 }), fc.nat(8192), (v, w, src, size) =>
        onlyFormatErrors(() => decodeNrv(v, w, src, new Uint8Array(size))),
      ),
      fuzzOptions(300),
    );
  });

  it('NRV: bit flips in a valid stream', () => {
    const streams = new Map<string, Uint8Array>();
    fc.assert(
      fc.property(variant, width, flips, (v, w, edits) => {
        const key = `${v}${w}`;
        if (!streams.has(key)) streams.set(key, encodeNrv(v, w, code));
        onlyFormatErrors(() => decodeNrv(v, w, flipped(streams.get(key)!, edits), new Uint8Array(code.length)));
      }),
      fuzzOptions(300),
    );
  });

  it('LZMA: random bytes and bit flips in a valid stream', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.nat(8192), (src, size) =>
        onlyFormatErrors(() => decodeUpxLzma(Uint8Array.of(0x1a, 0x03, 0, ...src), new Uint8Array(size))),
      ),
      fuzzOptions(200),
    );
    fc.assert(
      fc.property(flips, (edits) =>
        onlyFormatErrors(() => decodeUpxLzma(flipped(lzmaBlock, edits), new Uint8Array(code.length))),
      ),
      fuzzOptions(200),
    );
  });

  it('ctok32: undoing the filter restores any branch-heavy block, and never throws', () => {
    const branchy = fc
      .uint8Array({ minLength: 6, maxLength: 4096 })
      .map((b) => b.map((x, i) => (x < 40 ? [0xe8, 0xe9, 0x0f, 0x84][i % 4]! : x)));
    fc.assert(
      fc.property(branchy, fc.constantFrom<0x46 | 0x49>(0x46, 0x49), fc.nat(255), (block, id, cto) => {
        const work = block.slice();
        const marker = filterCtok32(id, work);
        if (marker !== null) {
          unfilter(id, marker, work);
          if (!Buffer.from(work).equals(Buffer.from(block))) throw new Error('round trip failed');
        }
        unfilter(id, cto, block);
      }),
      fuzzOptions(300),
    );
  });

  it('a packed file with flipped bits: null, an image, or a FormatError', () => {
    fc.assert(
      fc.property(flips, fc.nat(), (edits, zone) => {
        // Most flips go to the headers and the first blocks, where the structure is; some anywhere.
        const limit = zone % 4 === 0 ? packed.length : 4096;
        const copy = flipped(
          packed,
          edits.map(([at, bit]) => [(packed.length - limit + (at % limit)) % packed.length, bit]),
        );
        if (zone % 2) copy.set(flipped(packed.subarray(0, 1024), edits), 0);
        onlyFormatErrors(() => unpackUpx(copy));
      }),
      fuzzOptions(150),
    );
  });
});
