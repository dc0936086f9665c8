import { describe, expect, it } from 'vitest';
import type { ByteWindow } from '../../../../common/dto';
import type { ReportSection } from '../../../../core/report/types';
import { asciiByte, hexByte, hexRows, sectionAt, windowStart } from './hex-rows';

/** "GET /secret HTTP" at file offset 0x104, with "secret" (0x109..0x10e) withheld as the host sends it. */
const WINDOW: ByteWindow = {
  offset: 0x104,
  bytes: btoa('GET /\0\0\0\0\0\0 HTTP'),
  fileSize: 0x1000,
  masked: [{ start: 0x109, end: 0x10f, path: 'analysis/strings/0/value' }],
};

function section(name: string, offset: number, size: number, type = 'PROGBITS', kind = 'data'): ReportSection {
  return { name, type, address: '0x0', offset, size, flags: 'A', entropy: null, kind };
}

describe('hex view rows', () => {
  it('starts rows on multiples of the row width and withholds the masked bytes', () => {
    const rows = hexRows(WINDOW, 8, { start: 0x109, end: 0x10f });
    expect(rows.map((r) => r.offset)).toEqual([0x100, 0x108, 0x110]);
    expect(rows[0]!.bytes.map(asciiByte).join('')).toBe('GET ');
    expect(rows[1]!.bytes.map(asciiByte).join('')).toBe('/•••••• ');
    expect(rows[1]!.bytes.map(hexByte)[0]).toBe('2f');
    expect(rows[1]!.bytes.filter((b) => b.highlighted).map((b) => b.offset)).toEqual([
      0x109, 0x10a, 0x10b, 0x10c, 0x10d, 0x10e,
    ]);
    expect(rows[2]!.bytes.map(asciiByte).join('')).toBe('HTTP');
  });

  it('shows revealed bytes in place of the withheld ones', () => {
    const clear = new Map([...'secret'].map((c, i) => [0x109 + i, c.charCodeAt(0)] as [number, number]));
    const rows = hexRows(WINDOW, 16, null, clear);
    expect(rows.flatMap((r) => r.bytes.map(asciiByte)).join('')).toBe('GET /secret HTTP');
  });

  it('finds the section holding an offset, never one without file bytes', () => {
    const sections = [section('.bss', 0x100, 0x80, 'NOBITS', 'bss'), section('.rodata', 0x100, 0x40)];
    expect(sectionAt(sections, 0x13f)?.name).toBe('.rodata');
    expect(sectionAt(sections, 0x140)).toBeNull();
    expect(windowStart(0x109, 16, 128)).toBe(0x80);
    expect(windowStart(0x40, 16, 128)).toBe(0);
    expect(windowStart(0x1234, 16, 128)).toBe(0x11b0);
  });
});
