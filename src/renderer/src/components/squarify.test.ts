import { describe, expect, it } from 'vitest';
import { squarify } from './squarify';

describe('squarify', () => {
  it('gives each item an area in proportion to its value, filling the bounds', () => {
    // The example of Bruls, Huizing and van Wijk: values 6 6 4 3 2 2 1 in a 6 x 4 rectangle.
    const values = [6, 6, 4, 3, 2, 2, 1];
    const tiles = squarify(values, (v) => v, { x: 0, y: 0, width: 6, height: 4 });
    expect(tiles).toHaveLength(7);
    for (const tile of tiles) expect(tile.width * tile.height).toBeCloseTo(tile.item, 6);
    const covered = tiles.reduce((a, t) => a + t.width * t.height, 0);
    expect(covered).toBeCloseTo(24, 6);
    // The paper's first row: the two 6s in a column along the shorter (left) side, each 3 wide and 2 high.
    expect(tiles[0]).toMatchObject({ x: 0, y: 0 });
    expect(tiles[0]!.width).toBeCloseTo(3, 6);
    expect(tiles[0]!.height).toBeCloseTo(2, 6);
  });

  it('no tile leaves the bounds or overlaps another', () => {
    const values = Array.from({ length: 40 }, (_, i) => ((i * 7919) % 97) + 1);
    const tiles = squarify(values, (v) => v, { x: 10, y: 20, width: 300, height: 120 });
    for (const t of tiles) {
      expect(t.x).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(t.y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(t.x + t.width).toBeLessThanOrEqual(310 + 1e-9);
      expect(t.y + t.height).toBeLessThanOrEqual(140 + 1e-9);
    }
    for (let i = 0; i < tiles.length; i++)
      for (let j = i + 1; j < tiles.length; j++) {
        const a = tiles[i]!;
        const b = tiles[j]!;
        const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        expect(overlapX <= 1e-9 || overlapY <= 1e-9).toBe(true);
      }
  });

  it('skips zero values and empty bounds', () => {
    expect(squarify([0, 0], (v) => v, { x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
    expect(squarify([1], (v) => v, { x: 0, y: 0, width: 0, height: 10 })).toEqual([]);
  });
});
