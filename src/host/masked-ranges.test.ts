import { describe, expect, it } from 'vitest';
import { maskWindow } from './masked-ranges';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('blanking masked texts in a window of bytes', () => {
  it('zeroes known ranges clipped to the window and says which bytes', () => {
    // The window holds file bytes 100..111; a masked string runs from 96 to 104.
    const bytes = text('abcdefghijkl');
    const masked = maskWindow(bytes, 100, [{ start: 96, end: 104, path: 'analysis/strings/3/value' }], []);
    expect(masked).toEqual([{ start: 100, end: 104, path: 'analysis/strings/3/value' }]);
    expect(new TextDecoder().decode(bytes.subarray(4))).toBe('efghijkl');
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
  });

  it('finds every other copy of a secret value in the window, and ignores ranges outside it', () => {
    const bytes = text('xxSECRET1yySECRET1');
    const masked = maskWindow(bytes, 10, [{ start: 0, end: 5, path: null }], ['SECRET1']);
    expect(masked).toEqual([
      { start: 12, end: 19, path: null },
      { start: 21, end: 28, path: null },
    ]);
    expect(new TextDecoder().decode(bytes).replaceAll('\0', '.')).toBe('xx.......yy.......');
  });
});
