import { FormatError } from './errors';
import { MAX_STRING_LEN } from './limits';

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/**
 * Bounds-checked view over file bytes. Every offset, length or count that came from the file goes through here:
 * an out-of-range read throws a FormatError carrying the offset instead of yielding `undefined`.
 */
export class ByteReader {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian = true,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.byteLength;
  }

  withEndian(littleEndian: boolean): ByteReader {
    return littleEndian === this.littleEndian ? this : new ByteReader(this.bytes, littleEndian);
  }

  /** True when [offset, offset+size) lies inside the buffer. */
  has(offset: number, size: number): boolean {
    return (
      Number.isSafeInteger(offset) &&
      Number.isSafeInteger(size) &&
      offset >= 0 &&
      size >= 0 &&
      offset + size <= this.bytes.byteLength
    );
  }

  check(offset: number, size: number, what = 'data'): void {
    if (!this.has(offset, size)) {
      throw new FormatError(offset, `${what} at ${hex(offset)} (${size} bytes) runs past the end of the file`);
    }
  }

  u8(offset: number): number {
    this.check(offset, 1);
    return this.view.getUint8(offset);
  }

  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, this.littleEndian);
  }

  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, this.littleEndian);
  }

  i32(offset: number): number {
    this.check(offset, 4);
    return this.view.getInt32(offset, this.littleEndian);
  }

  u64big(offset: number): bigint {
    this.check(offset, 8);
    return this.view.getBigUint64(offset, this.littleEndian);
  }

  /** A 64-bit value as a number; values beyond 2^53 are a FormatError (no file we read has them legitimately). */
  u64(offset: number): number {
    const value = this.u64big(offset);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FormatError(offset, `64-bit value ${value.toString(16)} at ${hex(offset)} is too large`);
    }
    return Number(value);
  }

  /** A pointer-sized unsigned word (4 or 8 bytes). */
  word(offset: number, size: number): number {
    return size === 8 ? this.u64(offset) : this.u32(offset);
  }

  /** A bounds-checked sub-view (no copy). */
  slice(offset: number, size: number, what = 'data'): Uint8Array {
    this.check(offset, size, what);
    return this.bytes.subarray(offset, offset + size);
  }

  /** The bytes from `offset` to the end, or to `offset + max`, whichever is first. */
  tail(offset: number, max: number): Uint8Array {
    this.check(offset, 0);
    return this.bytes.subarray(offset, Math.min(this.bytes.byteLength, offset + max));
  }

  /** A NUL-terminated string, at most `max` bytes; unterminated at the limit or the end is a FormatError. */
  cstring(offset: number, max = MAX_STRING_LEN): string {
    this.check(offset, 0, 'string');
    const end = Math.min(this.bytes.byteLength, offset + max);
    const window = this.bytes.subarray(offset, end);
    const nul = window.indexOf(0);
    if (nul < 0) throw new FormatError(offset, `unterminated string at ${hex(offset)}`);
    return utf8.decode(window.subarray(0, nul));
  }

  /** A fixed-width, NUL-padded name (section and segment names). */
  fixedString(offset: number, size: number): string {
    const raw = this.slice(offset, size, 'name');
    const nul = raw.indexOf(0);
    return latin1.decode(nul < 0 ? raw : raw.subarray(0, nul));
  }

  /** An unsigned LEB128 value below 2^53 and the offset just after it. */
  uvarint(offset: number): { value: number; next: number } {
    let value = 0;
    let scale = 1;
    for (let at = offset; at < offset + 8; at++) {
      const byte = this.u8(at);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return { value, next: at + 1 };
      scale *= 128;
    }
    throw new FormatError(offset, `varint at ${hex(offset)} is longer than 8 bytes`);
  }
}

export function hex(value: number): string {
  return value < 0 ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function decodeLatin1(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}
