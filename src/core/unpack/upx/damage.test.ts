import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures';
import { packUpx } from '../../../../test/upx/packer';
import { FormatError } from '../../io/errors';
import { unpackUpx } from './index';

// Damaged UPX files from the test packer: each damage must be a FormatError that says what is wrong, never a
// crash, a hang or a huge allocation.
let original: Uint8Array;
let packed: Uint8Array;

beforeAll(() => {
  original = fixture('linux-amd64-sw');
  packed = packUpx(original, { method: 8, filter: 0x49, blockSize: 128 * 1024 });
});

const u32 = (b: Uint8Array, at: number): number => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const setU32 = (b: Uint8Array, at: number, v: number): void =>
  new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);
const packHeaderAt = (b: Uint8Array): number => b.length - 36;
const overlay = (b: Uint8Array): number => u32(b, b.length - 4);

/** Changes the PackHeader and fixes its checksum byte, so only the changed field is wrong. */
function editPackHeader(b: Uint8Array, edit: (copy: Uint8Array, at: number) => void): Uint8Array {
  const copy = b.slice();
  const at = packHeaderAt(copy);
  edit(copy, at);
  let sum = 0;
  for (let i = 4; i < 31; i++) sum += copy[at + i]!;
  copy[at + 31] = sum % 251;
  return copy;
}

function failure(b: Uint8Array): string {
  try {
    unpackUpx(b);
  } catch (error) {
    if (error instanceof FormatError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('damaged UPX files', () => {
  it('truncated at every 1/64 of the file: not UPX (null) or a FormatError', () => {
    for (let k = 1; k < 64; k++) {
      const cut = packed.subarray(0, Math.floor((packed.length * k) / 64));
      let result: unknown = 'error';
      try {
        result = unpackUpx(cut);
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
      }
      expect(result === null || result === 'error').toBe(true);
    }
  });

  it('a PackHeader byte changed without its checksum', () => {
    const copy = packed.slice();
    copy[packHeaderAt(copy) + 16]! ^= 1;
    expect(failure(copy)).toMatch(/PackHeader checksum/);
  });

  it('an Adler-32 sum that does not match the data', () => {
    expect(failure(packed)).toBe('no error');
    const uncompressed = editPackHeader(packed, (copy, at) => setU32(copy, at + 8, u32(copy, at + 8) ^ 0x10000));
    expect(failure(uncompressed)).toMatch(/checksums do not match/);
    const compressed = editPackHeader(packed, (copy, at) => setU32(copy, at + 12, u32(copy, at + 12) ^ 1));
    expect(failure(compressed)).toMatch(/checksums do not match/);
  });

  it('a block that claims more than the segment still needs, or more than the block size', () => {
    const first = overlay(packed) + 12;
    const second = first + 12 + u32(packed, first + 4);
    const copy = packed.slice();
    setU32(copy, second, u32(copy, second) + 1);
    expect(failure(copy)).toMatch(/claims \d+ bytes/);
  });

  it('a block whose compressed size runs past the file', () => {
    const first = overlay(packed) + 12;
    const second = first + 12 + u32(packed, first + 4);
    const huge = packed.slice();
    setU32(huge, second + 4, 0x7fffffff);
    expect(failure(huge)).toMatch(/sizes|runs past/);
  });

  it('a block cut short in the middle of the file (the blocks after it misalign)', () => {
    const first = overlay(packed) + 12;
    const second = first + 12 + u32(packed, first + 4);
    const cutFrom = second + 12 + 1000;
    const copy = new Uint8Array(packed.length - 500);
    copy.set(packed.subarray(0, cutFrom));
    copy.set(packed.subarray(cutFrom + 500), cutFrom);
    expect(failure(copy)).not.toBe('no error');
  });

  it('a decompression bomb: p_info says the original is 3 GiB', () => {
    const copy = packed.slice();
    setU32(copy, overlay(copy) + 4, 3 * 1024 * 1024 * 1024);
    expect(failure(copy)).toMatch(/over the limit/);
  });

  it('segments that overlap in the original header', () => {
    const elf = original.slice();
    const view = new DataView(elf.buffer);
    // Program header 3 (the second PT_LOAD of this fixture) moved to start inside the first one.
    const phdr = 64 + 3 * 56;
    expect(view.getUint32(phdr, true)).toBe(1);
    view.setBigUint64(phdr + 8, 0x1000n, true);
    expect(failure(packUpx(elf, { method: 2 }))).toMatch(/overlap/);
  });

  it('a format UPX packs but we do not unpack yet says so', () => {
    const pe = editPackHeader(packed, (copy, at) => (copy[at + 5] = 36));
    expect(failure(pe)).toMatch(/Windows PE amd64 files are detected but not unpacked/);
  });

  it('the input is never changed', () => {
    const before = packed.slice();
    unpackUpx(packed);
    expect(Buffer.from(packed).equals(Buffer.from(before))).toBe(true);
  });
});
