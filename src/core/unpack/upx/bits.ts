import { FormatError } from '../../io/errors';

/**
 * The bit stream of UCL's NRV coders as UPX writes it: control bits come from a bit buffer refilled from the
 * same byte stream that also carries literal bytes and offset low bytes, most significant bit first. The buffer
 * is one byte (the `_8` methods), a little-endian 16-bit word (`_LE16`) or a little-endian 32-bit word (`_LE32`).
 */
export class NrvBits {
  /** Next unread byte of the compressed block. */
  pos = 0;
  private word = 0;
  private left = 0;

  constructor(
    private readonly src: Uint8Array,
    private readonly width: 8 | 16 | 32,
  ) {}

  bit(): number {
    if (this.left === 0) this.refill();
    this.left--;
    return (this.word >>> this.left) & 1;
  }

  byte(): number {
    if (this.pos >= this.src.length) throw this.overrun();
    return this.src[this.pos++]!;
  }

  private refill(): void {
    const bytes = this.width >> 3;
    if (this.pos + bytes > this.src.length) throw this.overrun();
    const s = this.src;
    const p = this.pos;
    if (bytes === 1) this.word = s[p]!;
    else if (bytes === 2) this.word = s[p]! | (s[p + 1]! << 8);
    else this.word = (s[p]! | (s[p + 1]! << 8) | (s[p + 2]! << 16) | (s[p + 3]! << 24)) >>> 0;
    this.pos += bytes;
    this.left = this.width;
  }

  private overrun(): FormatError {
    return new FormatError(this.pos, `compressed block ends early (at byte ${this.pos} of ${this.src.length})`);
  }
}
