import type { Exe } from '../formats/exe';
import type { Memory } from './evidence';

/** Words past 2^53 are no address: their high half is at least this. */
const HIGH_LIMIT = 0x200000;

/**
 * Pointer reads through the executable's own mapping, in its byte order and word size. The word is put together
 * from its bytes: the graph reads one for every address an instruction takes, and a DataView and a BigInt per
 * read cost more than the rest of the lookup.
 */
export function exeMemory(exe: Exe): Memory {
  const size = exe.bits === 64 ? 8 : 4;
  const little = exe.littleEndian;
  const u32 = (bytes: Uint8Array, at: number): number =>
    little
      ? (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
      : ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  return {
    pointerSize: size,
    readPointer: (address) => {
      const bytes = exe.readAt(address, size);
      if (!bytes || bytes.length < size) return null;
      if (size === 4) return u32(bytes, 0);
      const low = u32(bytes, little ? 0 : 4);
      const high = u32(bytes, little ? 4 : 0);
      return high >= HIGH_LIMIT ? null : high * 0x1_0000_0000 + low;
    },
  };
}
