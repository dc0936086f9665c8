import type { Report } from '../../../../core/report/types';

/** One box of the size treemap and one row of the table beside it. */
export interface SizeItem {
  /** What the box stands for: a module path, a package path, a function name. */
  name: string;
  bytes: number;
  /** Where a click leads: a module's packages, a package's functions; null for a leaf. */
  next: Level | null;
}

export type Level = { kind: 'modules' } | { kind: 'module'; path: string } | { kind: 'package'; path: string };

/** Boxes past this many are summed into one "N smaller" box, so the treemap draws only what can be seen. */
export const MAX_TILES = 300;

export function itemsAt(report: Report, level: Level): SizeItem[] {
  const sizes = report.sizes;
  if (!sizes) return [];
  if (level.kind === 'modules')
    return sizes.modules.map((m) => ({ name: m.path, bytes: m.total, next: { kind: 'module', path: m.path } }));
  if (level.kind === 'module')
    return sizes.packages
      .filter((p) => (p.module ?? '(no module)') === level.path)
      .map((p) => ({ name: p.path || '(no package)', bytes: p.total, next: { kind: 'package', path: p.path } }));
  return packageItems(report, level.path);
}

/** A package's functions by code size, and the rest of its bytes (pclntab records, literals) as one more box. */
function packageItems(report: Report, path: string): SizeItem[] {
  const functions = (report.go?.functions ?? []).filter((f) => f.package === path);
  const items: SizeItem[] = functions.map((f) => ({ name: f.name, bytes: f.size, next: null }));
  const total = report.sizes?.packages.find((p) => p.path === path)?.total ?? 0;
  const code = functions.reduce((sum, f) => sum + f.size, 0);
  if (total > code) items.push({ name: 'pclntab records, tables and literals', bytes: total - code, next: null });
  return items;
}

/** The largest items, and one box summing the rest when there are more than MAX_TILES. */
export function tilesOf(items: SizeItem[]): SizeItem[] {
  const sorted = [...items].sort((a, b) => b.bytes - a.bytes);
  if (sorted.length <= MAX_TILES) return sorted;
  const rest = sorted.slice(MAX_TILES - 1);
  const bytes = rest.reduce((sum, item) => sum + item.bytes, 0);
  return [...sorted.slice(0, MAX_TILES - 1), { name: `${rest.length} smaller`, bytes, next: null }];
}

export function levelTitle(level: Level): string {
  return level.kind === 'modules' ? 'All modules' : level.path || '(no package)';
}
