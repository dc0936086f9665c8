import type { Exe } from '../formats/exe';
import { SignatureInputError } from './types';

/** Largest signature slot accepted; a signature or a few of them fit in far less. */
export const MAX_SLOT_LEN = 64 * 1024;

/** Where the bytes of a Go string variable sit in the file. */
export interface StringSlot {
  name: string;
  offset: number;
  length: number;
}

function wordAt(exe: Exe, address: number): number | null {
  const bytes = exe.readAt(address, exe.bits / 8);
  if (bytes === null || bytes.length !== exe.bits / 8) return null;
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[exe.littleEndian ? bytes.length - 1 - i : i]!;
    value = value * 256 + byte;
  }
  return value <= Number.MAX_SAFE_INTEGER ? value : null;
}

/**
 * The file bytes of string variable `name` ("main.Signature", or "Signature" for package main): its header (data
 * pointer, length) read from the symbol table, the data located in the file. Bad input when the file has no such
 * symbol (stripped) or the string's bytes are not in the file.
 */
export function findStringSlot(exe: Exe, fileLength: number, name: string): StringSlot {
  const wanted = name.includes('.') ? name : `main.${name}`;
  const symbol = exe.symbols.find((s) => s.name === wanted && !s.dynamic);
  if (!symbol) throw new SignatureInputError(`no variable ${wanted} in the symbol table (stripped, or another name?)`);
  const pointerSize = exe.bits / 8;
  const data = exe.pointerAt(symbol.address);
  const length = wordAt(exe, symbol.address + pointerSize);
  if (data === null || length === null)
    throw new SignatureInputError(`${wanted} is not a string with its bytes in the file`);
  if (length === 0 || length > MAX_SLOT_LEN)
    throw new SignatureInputError(`${wanted} holds ${length} bytes; a signature slot holds 1 to ${MAX_SLOT_LEN}`);
  const offset = exe.fileOffsetOf(data);
  if (offset < 0 || offset + length > fileLength)
    throw new SignatureInputError(`the bytes of ${wanted} are not in the file`);
  return { name: wanted, offset, length };
}

/** The file as it was signed: a copy with the slot's bytes set to zero. The input is never changed. */
export function withSlotZeroed(file: Uint8Array, slot: StringSlot): Uint8Array {
  const copy = file.slice();
  copy.fill(0, slot.offset, slot.offset + slot.length);
  return copy;
}

/** What the slot holds up to its zero padding: the embedded signature, when the release step wrote one. */
export function slotContents(file: Uint8Array, slot: StringSlot): Uint8Array {
  const bytes = file.subarray(slot.offset, slot.offset + slot.length);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}
