import type { Report } from '../report/types';
import type { ModuleSizeChange } from './types';

/**
 * Bytes per module on each side (from each report's `sizes`), largest change first. A module on one side only has
 * 0 on the other. Empty when either side has no sizes (not Go, or no pclntab).
 */
export function compareModuleSizes(a: Report, b: Report): ModuleSizeChange[] {
  if (!a.sizes || !b.sizes) return [];
  const before = new Map(a.sizes.modules.map((m) => [m.path, m.total]));
  const after = new Map(b.sizes.modules.map((m) => [m.path, m.total]));
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .map((path) => {
      const sizeA = before.get(path) ?? 0;
      const sizeB = after.get(path) ?? 0;
      return { path, sizeA, sizeB, delta: sizeB - sizeA };
    })
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.path < y.path ? -1 : 1));
}
