// Test support: a small file laid out the way Go's linker lays out string literals, for checks by eye.
import type { Exe } from '../../formats/exe';
import { section, syntheticExe } from '../../findings/testing/synthetic-exe';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Where the pieces of a Go layout sit: .rodata at file 0x100 (VA 0x1100), .data at 0x200 (VA 0x1200). */
export const RODATA = { offset: 0x100, address: 0x1100 };
export const DATA = { offset: 0x200, address: 0x1200 };

/**
 * A file with `literals` glued back to back in .rodata and, for those listed in `withHeaders` (all by default),
 * {ptr,len} headers in .data, one after another.
 */
export function goLayout(
  literals: string[],
  bits: 32 | 64 = 64,
  littleEndian = true,
  withHeaders: number[] = literals.map((_, i) => i),
): Uint8Array {
  const file = new Uint8Array(0x300);
  file.set(text(literals.join('')), RODATA.offset);
  const view = new DataView(file.buffer);
  let at = DATA.offset;
  for (const i of withHeaders) {
    const address = literalAddress(literals, i);
    const length = text(literals[i]!).length;
    if (bits === 64) {
      view.setBigUint64(at, BigInt(address), littleEndian);
      view.setBigUint64(at + 8, BigInt(length), littleEndian);
    } else {
      view.setUint32(at, address, littleEndian);
      view.setUint32(at + 4, length, littleEndian);
    }
    at += bits / 4;
  }
  return file;
}

/** Virtual address of literal `index` in a Go layout. */
export function literalAddress(literals: string[], index: number): number {
  return RODATA.address + text(literals.slice(0, index).join('')).length;
}

/** The Exe of a Go layout. */
export function goLayoutExe(file: Uint8Array, bits: 32 | 64 = 64, littleEndian = true, extra: Partial<Exe> = {}): Exe {
  return syntheticExe(file, {
    bits,
    littleEndian,
    sections: [
      section('.rodata', 'rodata', RODATA.address, RODATA.offset, 0x100),
      section('.data', 'data', DATA.address, DATA.offset, 0x100),
    ],
    ...extra,
  });
}
