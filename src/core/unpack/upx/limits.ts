/** Limits on what a packed file may claim: a hostile header fails fast instead of allocating. */

/** The largest unpacked image we rebuild in memory (1 GiB; real UPX-packed Go programs reach ~200 MB). */
export const MAX_UNPACKED_SIZE = 1024 * 1024 * 1024;
/** The most blocks one packed file may hold (UPX writes a few per segment). */
export const MAX_UPX_BLOCKS = 100_000;
/** How far past the compressed segments we look for the first block after UPX's own loader. */
export const MAX_LOADER_SCAN = 1024 * 1024;
/** The most program headers in the original ELF header block. */
export const MAX_UPX_PHDRS = 256;
