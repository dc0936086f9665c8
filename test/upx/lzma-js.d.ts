// The LZMA-JS worker script: a CommonJS file that exports its coder as LZMA_WORKER.
declare module 'lzma/src/lzma_worker.js' {
  export const LZMA_WORKER: {
    /** Synchronous when no callback is given; returns signed bytes of an LZMA-alone stream. */
    compress(data: number[] | Uint8Array, mode: number): number[];
    decompress(data: number[] | Uint8Array): number[] | string;
  };
}
