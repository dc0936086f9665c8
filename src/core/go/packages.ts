import type { GoPackage, PackageClass } from '../report/types';

/**
 * Package paths of pclntab function names, and their classes.
 *
 * A symbol is "<package path>.<name>": the package ends at the first '.' after the last '/'. The linker escapes
 * '.' (and a few other bytes) in the last path element as %xx, so "gopkg.in/yaml%2ev3.Unmarshal" belongs to
 * gopkg.in/yaml.v3. Type arguments and array lengths can hold '/' and '.', so the search stops at the first '['
 * ("slices.Sort[...]", "pkg.(*List[...]).Push"). Names without a package are assembly helpers ("gogo",
 * "cmpbody") and get the empty path.
 *
 * Classes, in this order:
 *  - runtime-internal: linker and compiler generated names that are no package ("go:buildid", "type:.eq.T",
 *    1.19's "go.buildid" and "type..eq.T") and the package-less assembly helpers;
 *  - main: package main, and every package of the main module when its path is known;
 *  - std: no '.' in the first path element, the rule the go command uses for standard-library import paths. It
 *    covers new packages without a list (iter, unique, weak, crypto/internal/fips140/…, internal/runtime/…) and
 *    the standard library's own vendored copies ("vendor/golang.org/x/net/…", first element "vendor");
 *  - third-party: everything else.
 * The runtime is std: it is part of the toolchain's standard library and versioned with it.
 */
interface GeneratedRule {
  prefix: string;
  /** The pseudo-package the names are counted under. */
  path: string;
  /** Old "go." names ("go.buildid") share the prefix with module paths like go.uber.org/zap, which have a '/'. */
  slashFree?: boolean;
}

export const GENERATED_RULES: readonly GeneratedRule[] = [
  { prefix: 'go:', path: 'go:' },
  { prefix: 'type:', path: 'type:' },
  { prefix: 'type..', path: 'type:' },
  { prefix: 'go.', path: 'go:', slashFree: true },
];

function generatedPackage(name: string): string | null {
  for (const rule of GENERATED_RULES) {
    if (!name.startsWith(rule.prefix)) continue;
    if (rule.slashFree && name.split('[', 1)[0]!.includes('/')) continue;
    return rule.path;
  }
  return null;
}

function unescapePath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** The package path of a function symbol ("" for package-less assembly helpers). */
export function packageOf(name: string): string {
  const generated = generatedPackage(name);
  if (generated !== null) return generated;
  const bracket = name.indexOf('[');
  const head = bracket < 0 ? name : name.slice(0, bracket);
  const slash = head.lastIndexOf('/');
  const dot = head.indexOf('.', slash + 1);
  if (dot <= 0) return '';
  return unescapePath(head.slice(0, dot));
}

/** The path without a GOPATH-era vendor prefix: ".../vendor/github.com/x/y" is github.com/x/y. */
export function unvendor(path: string): string {
  const inner = path.lastIndexOf('/vendor/');
  if (inner >= 0) return path.slice(inner + '/vendor/'.length);
  return path.startsWith('vendor/') ? path.slice('vendor/'.length) : path;
}

export function isGenerated(path: string): boolean {
  return path === '' || GENERATED_RULES.some((rule) => rule.path === path);
}

export function isStd(path: string): boolean {
  if (isGenerated(path) || path === 'main') return false;
  const first = path.split('/', 1)[0]!;
  return !first.includes('.');
}

/** True when `path` is `modulePath` or inside it. */
export function inModule(path: string, modulePath: string): boolean {
  return path === modulePath || (path.startsWith(modulePath) && path[modulePath.length] === '/');
}

export function classifyPackage(path: string, mainModule: string | null = null): PackageClass {
  if (isGenerated(path)) return 'runtime-internal';
  if (path === 'main' || (mainModule && inModule(path, mainModule))) return 'main';
  if (isStd(path)) return 'std';
  return 'third-party';
}

/**
 * Per-package function count and bytes, largest first; `module` is filled in by modules.ts. A function's
 * `package`, when given, saves working it out again.
 */
export function summarizePackages(
  functions: { name: string; size: number; package?: string }[],
  mainModule: string | null = null,
): GoPackage[] {
  const byPath = new Map<string, GoPackage>();
  for (const fn of functions) {
    const path = fn.package ?? packageOf(fn.name);
    let entry = byPath.get(path);
    if (!entry) {
      entry = { path, class: classifyPackage(path, mainModule), functionCount: 0, size: 0, module: null };
      byPath.set(path, entry);
    }
    entry.functionCount++;
    entry.size += fn.size;
  }
  return [...byPath.values()].sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
}
