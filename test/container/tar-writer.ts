// A minimal ustar block writer for hand-made damaged archives (names GNU tar refuses to write, broken checksums,
// impossible sizes). It follows POSIX pax's ustar layout: offsets and the checksum rule from the standard.
import { concat } from '../../scripts/fuzz/mutate';

export { concat };

const encoder = new TextEncoder();

export interface HeaderFields {
  name: string;
  size?: number;
  type?: string;
  /** Raw bytes for the 12-byte size field, to write base-256 or garbage. */
  sizeField?: Uint8Array;
  linkName?: string;
}

function put(block: Uint8Array, offset: number, length: number, text: string): void {
  block.set(encoder.encode(text).subarray(0, length), offset);
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

export function header(fields: HeaderFields): Uint8Array {
  const block = new Uint8Array(512);
  put(block, 0, 100, fields.name);
  put(block, 100, 8, octal(0o644, 8));
  put(block, 108, 8, octal(0, 8));
  put(block, 116, 8, octal(0, 8));
  if (fields.sizeField) block.set(fields.sizeField, 124);
  else put(block, 124, 12, octal(fields.size ?? 0, 12));
  put(block, 136, 12, octal(0, 12));
  put(block, 156, 1, fields.type ?? '0');
  put(block, 157, 100, fields.linkName ?? '');
  put(block, 257, 6, 'ustar\0');
  put(block, 263, 2, '00');
  // The checksum is the byte sum with its own field read as eight spaces.
  block.fill(0x20, 148, 156);
  const sum = block.reduce((total, byte) => total + byte, 0);
  put(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}

/** An entry: its header, its data, and the padding to a whole block. */
export function entry(fields: HeaderFields, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
  padded.set(data);
  return concat(header({ ...fields, size: fields.size ?? data.length }), padded);
}

/** The end of an archive: two zero blocks. */
export const END = new Uint8Array(1024);

export const text = (value: string): Uint8Array => encoder.encode(value);
