/** A rectangle of a treemap: x, y, width, height in the units of the area laid out. */
export interface Tile<T> {
  item: T;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The worst aspect ratio of a row of areas laid along a side of length `side`. */
function worst(row: number[], side: number): number {
  const sum = row.reduce((a, b) => a + b, 0);
  const largest = Math.max(...row);
  const smallest = Math.min(...row);
  const s2 = side * side;
  return Math.max((s2 * largest) / (sum * sum), (sum * sum) / (s2 * smallest));
}

/** Lays one finished row along the shorter side of `rect` and returns what is left of it. */
function layRow<T>(row: { item: T; area: number }[], rect: Rect, out: Tile<T>[]): Rect {
  const sum = row.reduce((a, r) => a + r.area, 0);
  const horizontal = rect.width >= rect.height;
  const thickness = horizontal ? sum / rect.height : sum / rect.width;
  let at = horizontal ? rect.y : rect.x;
  for (const { item, area } of row) {
    const length = area / thickness;
    out.push(
      horizontal
        ? { item, x: rect.x, y: at, width: thickness, height: length }
        : { item, x: at, y: rect.y, width: length, height: thickness },
    );
    at += length;
  }
  return horizontal
    ? { x: rect.x + thickness, y: rect.y, width: rect.width - thickness, height: rect.height }
    : { x: rect.x, y: rect.y + thickness, width: rect.width, height: rect.height - thickness };
}

/**
 * Squarified treemap (Bruls, Huizing and van Wijk): items sorted largest first are added to a row while that keeps
 * the row's tiles closer to squares, then the row is laid along the shorter side. Items of zero value get no tile.
 */
export function squarify<T>(items: readonly T[], value: (item: T) => number, bounds: Rect): Tile<T>[] {
  const positive = items.filter((item) => value(item) > 0).sort((a, b) => value(b) - value(a));
  const total = positive.reduce((a, item) => a + value(item), 0);
  const out: Tile<T>[] = [];
  if (total === 0 || bounds.width <= 0 || bounds.height <= 0) return out;
  const scale = (bounds.width * bounds.height) / total;
  let rect: Rect = { ...bounds };
  let row: { item: T; area: number }[] = [];
  for (const item of positive) {
    const area = value(item) * scale;
    const side = Math.min(rect.width, rect.height);
    const areas = row.map((r) => r.area);
    if (row.length === 0 || worst([...areas, area], side) <= worst(areas, side)) {
      row.push({ item, area });
    } else {
      rect = layRow(row, rect, out);
      row = [{ item, area }];
    }
  }
  if (row.length > 0) layRow(row, rect, out);
  return out;
}
