import type { GoFunction, GoModuleSummary, GoPackage, GoReport } from '../../../../core/report/types';

export type DependencySort = 'size' | 'name';

export interface PackageRows {
  package: GoPackage;
  functions: GoFunction[];
  /** The filter matched a function inside rather than the package itself: open it to show them. */
  openForMatch: boolean;
}

export interface ModuleRows {
  module: GoModuleSummary;
  packages: PackageRows[];
  openForMatch: boolean;
}

function ordered<T>(items: T[], sort: DependencySort, name: (item: T) => string, size: (item: T) => number): T[] {
  const byName = (a: T, b: T): number => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  return items.sort(sort === 'size' ? (a, b) => size(b) - size(a) || byName(a, b) : byName);
}

function packageRows(
  pkg: GoPackage,
  functions: GoFunction[],
  needle: string,
  sort: DependencySort,
): PackageRows | null {
  const all = !needle || pkg.path.toLowerCase().includes(needle);
  const kept = all ? functions.slice() : functions.filter((f) => f.name.toLowerCase().includes(needle));
  if (!all && kept.length === 0) return null;
  const sorted = ordered(
    kept,
    sort,
    (f) => f.name,
    (f) => f.size,
  );
  return { package: pkg, functions: sorted, openForMatch: !all };
}

/**
 * The modules, packages and functions a filter keeps, in the chosen order. A module that matches keeps everything
 * under it; otherwise it stays only for the packages that match, and a package only for the functions that match,
 * so a filter narrows every level of the tree rather than only the top one.
 */
export function narrowDependencies(go: GoReport, query: string, sort: DependencySort): ModuleRows[] {
  const needle = query.trim().toLowerCase();
  const packages = new Map(go.packages.map((p) => [p.path, p]));
  const byPackage = new Map<string, GoFunction[]>();
  for (const f of go.functions) {
    const list = byPackage.get(f.package) ?? [];
    list.push(f);
    byPackage.set(f.package, list);
  }
  const rows: ModuleRows[] = [];
  for (const module of go.modules) {
    const whole = !needle || `${module.path} ${module.version}`.toLowerCase().includes(needle);
    const kept = module.packages
      .map((path) => packages.get(path))
      .filter((p): p is GoPackage => !!p)
      .map((p) => packageRows(p, byPackage.get(p.path) ?? [], whole ? '' : needle, sort))
      .filter((p): p is PackageRows => p !== null);
    if (!whole && kept.length === 0) continue;
    const sorted = ordered(
      kept,
      sort,
      (p) => p.package.path,
      (p) => p.package.size,
    );
    rows.push({ module, packages: sorted, openForMatch: !whole });
  }
  return ordered(
    rows,
    sort,
    (m) => m.module.path,
    (m) => m.module.size,
  );
}
