// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- LZMA-JS ships no types; its declaration sits next to this file
/// <reference path="./lzma-js.d.ts" />
import lzmaWorker from 'lzma/src/lzma_worker.js';

/** LZMA-JS writes its streams with lc=3, lp=0, pb=2 (its only setting). */
const LC = 3;
const LP = 0;
const PB = 2;
const ALONE_HEADER = 13;

/**
 * An LZMA block as UPX stores it, encoded by the LZMA-JS library (not by our code): its 13-byte LZMA-alone header
 * (properties, dictionary size, length) is replaced by UPX's two bytes [(lc+lp)<<3 | pb, lp<<4 | lc].
 */
export function encodeUpxLzma(data: Uint8Array, mode = 1): Uint8Array {
  const alone = lzmaWorker.LZMA_WORKER.compress(data, mode);
  const props = alone[0]! & 0xff;
  if (props !== (PB * 5 + LP) * 9 + LC) throw new Error(`LZMA-JS wrote properties ${props}, expected lc=3 lp=0 pb=2`);
  const stream = Uint8Array.from(alone.slice(ALONE_HEADER), (b) => b & 0xff);
  const block = new Uint8Array(2 + stream.length);
  block[0] = ((LC + LP) << 3) | PB;
  block[1] = (LP << 4) | LC;
  block.set(stream, 2);
  return block;
}

/** The library's own decoder, for comparing ours against on the same stream. */
export function libraryDecode(data: Uint8Array, mode = 1): Uint8Array {
  const alone = lzmaWorker.LZMA_WORKER.compress(data, mode);
  const result = lzmaWorker.LZMA_WORKER.decompress(alone);
  return typeof result === 'string' ? new TextEncoder().encode(result) : Uint8Array.from(result, (b) => b & 0xff);
}
