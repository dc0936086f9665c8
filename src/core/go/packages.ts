import type { GoPackage, PackageClass } from '../report/types';

/**
 * Package paths of pclntab function names, and their classes.
 *
 * The toolchain writes a symbol as "<package path>.<name>", where the name may be a method ("pkg.T.M",
 * "pkg.(*T).M"), a closure ("pkg.F.func1", "pkg.F.gowrap1"), a generic instantiation ("pkg.F[...]",
 * "pkg.(*T[go.shape.int]).M", brackets holding other paths), or a wrapper of a method promoted from another
 * package, qualified with that package's path ("regexp.(*onePassInst).regexp/syntax.op",
 * "pkg.Outer.example.com/beta.hidden"). The linker escapes '.' (and a few other bytes) in the path's last element
 * as %xx, so "gopkg.in/yaml%2ev3.Unmarshal" belongs to gopkg.in/yaml.v3, while earlier elements keep their dots
 * ("gopkg.in", "go-git.v4").
 *
 * So the path is read element by element from the start: an element is a run of path characters followed by '/';
 * the last element ends at its first '.'. Anything else ('(', '[', '*', ' ', '{') ends the path. One shape stays
 * ambiguous: an element with two or more dots followed by '/', which is either a domain ("google.golang.org/grpc")
 * or "<last element>.<Type>.<qualifying path>/" of a promoted-method wrapper. After the first element it is the
 * wrapper (paths with dotted inner elements like "a.b.c" are rare); in the first element it is the domain,
 * unless the short reading is "main" or a set of packages known from the binary's other names says otherwise.
 *
 * Pseudo-packages: compiler and linker generated names that are no package ("go:buildid", "go:(*struct { … }).M",
 * "type:.eq.T", and 1.19's "go.buildid", "go.(*struct { … }).M", "type..eq.T") are counted under "go:" and
 * "type:"; names without a package are assembly helpers ("gogo", "cmpbody") and get the empty path. Package main's
 * symbols say "main", whatever its import path.
 *
 * Classes, in this order:
 *  - runtime-internal: the pseudo-packages and the package-less assembly helpers;
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
}

export const GENERATED_RULES: readonly GeneratedRule[] = [
  { prefix: 'go:', path: 'go:' },
  { prefix: 'type:', path: 'type:' },
  { prefix: 'type..', path: 'type:' },
];

/** What the path reading of 1.19's "go." and "type." names gives: the first element alone, which is no package. */
const OLD_GENERATED: Record<string, string> = { go: 'go:', type: 'type:' };

/** Package paths known to be in the binary, to settle the ambiguous wrapper-or-domain reading. */
export type KnownPackages = ReadonlySet<string>;

function generatedPackage(name: string): string | null {
  for (const rule of GENERATED_RULES) if (name.startsWith(rule.prefix)) return rule.path;
  return null;
}

/** Characters of an import path element as symbols spell it (other bytes are %xx-escaped by the linker). */
function isPathChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x2d || // -
    code === 0x2e || // .
    code === 0x5f || // _
    code === 0x7e || // ~
    code === 0x2b || // +
    code === 0x25 || // %
    code >= 0x80
  );
}

function unescapePath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

interface Reading {
  /** Index where the package path ends in the name (exclusive), or -1 when the name has no package. */
  end: number;
  /** True when an element could be read either as a domain or as a wrapper's receiver. */
  ambiguous: boolean;
}

/** Reads the package path of `name` from element `start` on. */
function readPath(name: string, start: number, known: KnownPackages | undefined): Reading {
  let elementStart = start;
  for (;;) {
    let firstDot = -1;
    let dots = 0;
    let i = elementStart;
    for (; i < name.length && isPathChar(name.charCodeAt(i)); i++) {
      if (name.charCodeAt(i) !== 0x2e) continue;
      dots++;
      if (firstDot < 0) firstDot = i;
    }
    const continues = name.charCodeAt(i) === 0x2f && i > elementStart;
    if (!continues) return { end: firstDot > elementStart ? firstDot : -1, ambiguous: false };
    if (dots >= 2 && firstDot > elementStart) {
      const choice = chooseReading(name, elementStart, firstDot, i + 1, known);
      if (choice) return choice;
    }
    elementStart = i + 1;
  }
}

/** The wrapper reading (path ends at `shortEnd`) or the domain reading (path goes on at `rest`). */
function chooseReading(
  name: string,
  elementStart: number,
  shortEnd: number,
  rest: number,
  known: KnownPackages | undefined,
): Reading | null {
  const short = unescapePath(name.slice(0, shortEnd));
  if (elementStart === 0 && short in OLD_GENERATED) return null;
  const long = readPath(name, rest, known);
  if (long.end < 0) return { end: shortEnd, ambiguous: false };
  if (known?.has(unescapePath(name.slice(0, long.end)))) return { end: long.end, ambiguous: false };
  if (known?.has(short)) return { end: shortEnd, ambiguous: false };
  const preferShort = elementStart > 0 || short === 'main';
  return { end: preferShort ? shortEnd : long.end, ambiguous: true };
}

function readPackage(name: string, known: KnownPackages | undefined): { path: string; ambiguous: boolean } {
  const generated = generatedPackage(name);
  if (generated !== null) return { path: generated, ambiguous: false };
  const reading = readPath(name, 0, known);
  if (reading.end < 0) return { path: '', ambiguous: false };
  const path = unescapePath(name.slice(0, reading.end));
  return { path: OLD_GENERATED[path] ?? path, ambiguous: reading.ambiguous };
}

/** The package path of a function symbol ("" for package-less assembly helpers). */
export function packageOf(name: string, known?: KnownPackages): string {
  return readPackage(name, known).path;
}

/**
 * Package paths of all the function names of one binary. Names that read the same either way decide the set of
 * known packages, which then settles the ambiguous ones.
 */
export function packagesOf(names: readonly string[]): string[] {
  const first = names.map((name) => readPackage(name, undefined));
  const known = new Set<string>();
  for (const reading of first) if (!reading.ambiguous) known.add(reading.path);
  return names.map((name, i) => (first[i]!.ambiguous ? packageOf(name, known) : first[i]!.path));
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
