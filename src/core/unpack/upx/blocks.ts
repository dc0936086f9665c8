import { FormatError } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import { adler32 } from './adler32';
import { knownFilter, unfilter } from './filter';
import { MAX_UPX_BLOCKS } from './limits';
import { decodeUpxLzma } from './lzma';
import { decodeNrv, type NrvVariant } from './nrv';

export const B_INFO_SIZE = 12;
const M_LZMA = 14;

/** UPX's method numbers: NRV2B/2D/2E each with a 32-bit, 8-bit and 16-bit bit buffer, then LZMA. */
const NRV_METHODS: Record<number, [NrvVariant, 8 | 16 | 32]> = {
  2: ['2b', 32],
  3: ['2b', 8],
  4: ['2b', 16],
  5: ['2d', 32],
  6: ['2d', 8],
  7: ['2d', 16],
  8: ['2e', 32],
  9: ['2e', 8],
  10: ['2e', 16],
};

export function methodName(method: number): string {
  if (method === M_LZMA) return 'LZMA';
  const nrv = NRV_METHODS[method];
  if (nrv) return `NRV${nrv[0].toUpperCase()} (${nrv[1] === 8 ? '8-bit' : `LE${nrv[1]}`})`;
  return method === 15 ? 'deflate' : `method ${method}`;
}

/** One b_info block header: sizes, method, filter id and its marker byte. */
export interface BlockInfo {
  at: number;
  uncompressed: number;
  compressed: number;
  method: number;
  filter: number;
  cto: number;
}

export function readBlockInfo(r: ByteReader, at: number): BlockInfo {
  r.check(at, B_INFO_SIZE, 'UPX b_info');
  return {
    at,
    uncompressed: r.u32(at),
    compressed: r.u32(at + 4),
    method: r.u8(at + 8),
    filter: r.u8(at + 9),
    cto: r.u8(at + 10),
  };
}

/** What the walk over the blocks has seen so far: running checksums, the methods and filters in use. */
export class BlockWalk {
  compressedAdler = 1;
  uncompressedAdler = 1;
  blocks = 0;
  readonly methods = new Set<number>();
  readonly filters = new Set<number>();

  constructor(
    readonly reader: ByteReader,
    readonly blockSize: number,
  ) {}

  /**
   * Decodes blocks from `at` until `wanted` bytes are written to `out` from `outAt`; returns where the next block
   * header is. Each block must fit what is still wanted: a block that claims more is a FormatError.
   */
  extent(at: number, out: Uint8Array, outAt: number, wanted: number): number {
    let pos = at;
    let written = 0;
    while (written < wanted) {
      const block = readBlockInfo(this.reader, pos);
      this.check(block, wanted - written);
      const data = this.reader.bytes.subarray(pos + B_INFO_SIZE, pos + B_INFO_SIZE + block.compressed);
      const target = out.subarray(outAt + written, outAt + written + block.uncompressed);
      this.decode(block, data, target);
      written += block.uncompressed;
      pos += B_INFO_SIZE + block.compressed;
    }
    return pos;
  }

  private check(block: BlockInfo, remaining: number): void {
    if (++this.blocks > MAX_UPX_BLOCKS) throw new FormatError(block.at, `more than ${MAX_UPX_BLOCKS} UPX blocks`);
    const { uncompressed, compressed } = block;
    if (uncompressed === 0 || compressed === 0 || compressed > uncompressed) {
      throw new FormatError(block.at, `UPX block at ${hex(block.at)} has sizes ${uncompressed}/${compressed}`);
    }
    if (uncompressed > this.blockSize || uncompressed > remaining) {
      throw new FormatError(block.at, `UPX block at ${hex(block.at)} claims ${uncompressed} bytes, ${remaining} fit`);
    }
    this.reader.check(block.at + B_INFO_SIZE, compressed, 'UPX block data');
  }

  private decode(block: BlockInfo, data: Uint8Array, target: Uint8Array): void {
    this.compressedAdler = adler32(data, this.compressedAdler);
    if (block.compressed === block.uncompressed) target.set(data);
    else {
      const where = block.at + B_INFO_SIZE;
      try {
        decompress(block.method, data, target);
        if (block.filter) {
          if (!knownFilter(block.filter))
            throw new FormatError(0, `UPX filter 0x${block.filter.toString(16)} is not supported`);
          unfilter(block.filter, block.cto, target);
          this.filters.add(block.filter);
        }
      } catch (error) {
        // Offsets inside a block are relative to its data; the user needs them in the file.
        if (error instanceof FormatError) throw new FormatError(where + error.offset, error.message);
        throw error;
      }
      this.methods.add(block.method);
    }
    this.uncompressedAdler = adler32(target, this.uncompressedAdler);
  }
}

function decompress(method: number, data: Uint8Array, target: Uint8Array): void {
  const nrv = NRV_METHODS[method];
  if (nrv) decodeNrv(nrv[0], nrv[1], data, target);
  else if (method === M_LZMA) decodeUpxLzma(data, target);
  else throw new FormatError(0, `UPX compression ${methodName(method)} is not supported`);
}
