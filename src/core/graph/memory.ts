import type { Exe } from '../formats/exe';
import type { Memory } from './evidence';

/** Pointer reads through the executable's own mapping, in its byte order and word size. */
export function exeMemory(exe: Exe): Memory {
  const size = exe.bits === 64 ? 8 : 4;
  return {
    pointerSize: size,
    readPointer: (address) => {
      const bytes = exe.readAt(address, size);
      if (!bytes || bytes.length < size) return null;
      const view = new DataView(bytes.buffer, bytes.byteOffset, size);
      if (size === 4) return view.getUint32(0, exe.littleEndian);
      const value = view.getBigUint64(0, exe.littleEndian);
      return value > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(value);
    },
  };
}
