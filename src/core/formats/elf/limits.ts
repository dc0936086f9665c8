/** Limits for ELF structures that src/core/io/limits.ts has no name for. */

/** Version-need records plus their auxiliary entries walked in one file (glibc binaries need a handful). */
export const MAX_VERSION_ENTRIES = 100_000;
/** Bytes of a binary note descriptor shown as hex; longer descriptors are cut with an ellipsis. */
export const MAX_NOTE_HEX_BYTES = 1024;
