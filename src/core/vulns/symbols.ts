import { packageOf } from '../go/packages';

/**
 * Function names as the vulnerability database names symbols: package path, then "F" for a function and "T.M"
 * for a method whether its receiver is a pointer or not ("net/http.(*Client).Do" → net/http, "Client.Do").
 * Type arguments are dropped ("slices.Sort[...]" → "Sort"); closures keep their suffix ("F.func1"), as Go's own
 * debug/gosym splits them, so they do not stand for F.
 */
export function splitSymbol(name: string): { pkg: string; symbol: string } | null {
  const pkg = packageOf(name);
  if (!pkg || pkg.endsWith(':')) return null;
  const prefix = [pkg, escapedLastElement(pkg)].find((p) => name.startsWith(`${p}.`));
  if (!prefix) return null;
  const rest = withoutTypeArguments(name.slice(prefix.length + 1));
  if (!rest) return null;
  const lastDot = rest.lastIndexOf('.');
  if (lastDot < 0) return { pkg, symbol: rest };
  let receiver = rest.slice(0, lastDot);
  if (receiver.startsWith('(*')) receiver = receiver.replace(/^\(\*/, '').replace(/\)$/, '');
  return { pkg, symbol: `${receiver}.${rest.slice(lastDot + 1)}` };
}

/** The linker writes '.' in a package path's last element as %2e ("gopkg.in/yaml%2ev3"). */
function escapedLastElement(pkg: string): string {
  const slash = pkg.lastIndexOf('/');
  return pkg.slice(0, slash + 1) + pkg.slice(slash + 1).replaceAll('.', '%2e');
}

/** Removes every bracketed type-argument list, nested ones included. */
function withoutTypeArguments(text: string): string {
  if (!text.includes('[')) return text;
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '[') depth++;
    else if (char === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += char;
  }
  return out;
}

/** Where a symbol is in the binary: a function of its own, or inlined into another function. */
export interface SymbolPlace {
  /** Index of the function that holds the code: the symbol's own, or the one it was inlined into. */
  fn: number;
  inlined: boolean;
}

/** Every package and symbol of the binary, from the pclntab functions and the inlined frames. */
export class SymbolTable {
  private readonly places = new Map<string, Map<string, SymbolPlace[]>>();

  add(name: string, place: SymbolPlace): void {
    const split = splitSymbol(name);
    if (!split) return;
    let symbols = this.places.get(split.pkg);
    if (!symbols) this.places.set(split.pkg, (symbols = new Map()));
    let list = symbols.get(split.symbol);
    if (!list) symbols.set(split.symbol, (list = []));
    if (list.length < 8) list.push(place);
  }

  hasPackage(pkg: string): boolean {
    return this.places.has(pkg);
  }

  /** The symbols of `pkg` the binary holds, with where: all of them when `wanted` is empty. */
  find(pkg: string, wanted: readonly string[]): Map<string, SymbolPlace[]> {
    const symbols = this.places.get(pkg);
    if (!symbols) return new Map();
    if (wanted.length === 0) return symbols;
    const found = new Map<string, SymbolPlace[]>();
    for (const symbol of wanted) {
      // The database writes methods "T.M"; a hand-written "(*T).M" means the same method.
      const places = symbols.get(symbol.replace(/^\(\*?([^)]*)\)\./, '$1.'));
      if (places) found.set(symbol, places);
    }
    return found;
  }
}
