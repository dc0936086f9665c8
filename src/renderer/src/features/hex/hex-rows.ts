import type { ByteWindow } from '../../../../common/dto';
import type { ReportSection } from '../../../../core/report/types';

/** One byte as the hex view shows it: its file offset, value, and whether it is withheld or highlighted. */
export interface HexByte {
  offset: number;
  value: number;
  masked: boolean;
  highlighted: boolean;
}

export interface HexRow {
  offset: number;
  bytes: HexByte[];
}

/** The window's bytes decoded; `clear` holds bytes a person revealed, by file offset. */
export function hexRows(
  window: ByteWindow,
  perRow: number,
  highlight: { start: number; end: number } | null,
  clear: ReadonlyMap<number, number> = new Map(),
): HexRow[] {
  const raw = Uint8Array.from(atob(window.bytes), (c) => c.charCodeAt(0));
  const masked = (at: number): boolean => !clear.has(at) && window.masked.some((r) => at >= r.start && at < r.end);
  const rows: HexRow[] = [];
  // Rows start at multiples of perRow, as hex dumps do, so offsets line up however the window was cut.
  const first = window.offset - (window.offset % perRow);
  for (let start = first; start < window.offset + raw.length; start += perRow) {
    const bytes: HexByte[] = [];
    for (let at = Math.max(start, window.offset); at < Math.min(start + perRow, window.offset + raw.length); at++) {
      bytes.push({
        offset: at,
        value: clear.get(at) ?? raw[at - window.offset]!,
        masked: masked(at),
        highlighted: highlight !== null && at >= highlight.start && at < highlight.end,
      });
    }
    rows.push({ offset: start, bytes });
  }
  return rows;
}

/** Two hex digits, or a dot pair for a withheld byte. */
export function hexByte(b: HexByte): string {
  return b.masked ? '••' : b.value.toString(16).padStart(2, '0');
}

/** The printable ASCII character of a byte, '.' for the others, '•' for a withheld one. */
export function asciiByte(b: HexByte): string {
  if (b.masked) return '•';
  return b.value >= 0x20 && b.value < 0x7f ? String.fromCharCode(b.value) : '.';
}

/** The section whose file bytes hold `offset` (sections without file bytes, like .bss, hold none). */
export function sectionAt(sections: readonly ReportSection[], offset: number): ReportSection | null {
  return (
    sections.find(
      (s) => s.size > 0 && s.type !== 'NOBITS' && s.kind !== 'bss' && offset >= s.offset && offset < s.offset + s.size,
    ) ?? null
  );
}

/** Where a window starts so that `offset` sits a few rows down, aligned to a row. */
export function windowStart(offset: number, perRow: number, before: number): number {
  const start = Math.max(0, offset - before);
  return start - (start % perRow);
}
