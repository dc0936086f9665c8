import { describe, expect, it } from 'vitest';
import type { GoFunction, GoModuleSummary, GoPackage, GoReport } from '../../../../core/report/types';
import { narrowDependencies } from './narrow';

function fn(name: string, pkg: string, size: number): GoFunction {
  return { name, entry: '0x1000', size, file: null, package: pkg };
}
function pkg(path: string, size: number, module: string): GoPackage {
  return { path, class: 'third-party', functionCount: 1, size, module };
}
function mod(path: string, packages: string[], size: number): GoModuleSummary {
  return { path, version: 'v1.2.3', sum: '', replace: null, origin: 'recorded', packages, size };
}

/** Two modules: a big one with a parser package and a small one whose only package holds a Hash function. */
const GO = {
  modules: [
    mod('example.com/small', ['example.com/small/hash'], 100),
    mod('example.com/big', ['example.com/big/parse', 'example.com/big/lex'], 900),
  ],
  packages: [
    pkg('example.com/small/hash', 100, 'example.com/small'),
    pkg('example.com/big/parse', 600, 'example.com/big'),
    pkg('example.com/big/lex', 300, 'example.com/big'),
  ],
  functions: [
    fn('example.com/small/hash.Sum', 'example.com/small/hash', 60),
    fn('example.com/small/hash.init', 'example.com/small/hash', 40),
    fn('example.com/big/parse.Parse', 'example.com/big/parse', 500),
    fn('example.com/big/parse.skipSpace', 'example.com/big/parse', 100),
    fn('example.com/big/lex.Next', 'example.com/big/lex', 300),
  ],
} as unknown as GoReport;

describe('narrowing the dependency tree', () => {
  it('orders every level by size, largest first, or by name', () => {
    const bySize = narrowDependencies(GO, '', 'size');
    expect(bySize.map((m) => m.module.path)).toEqual(['example.com/big', 'example.com/small']);
    expect(bySize[0]!.packages.map((p) => p.package.path)).toEqual(['example.com/big/parse', 'example.com/big/lex']);
    expect(bySize[0]!.packages[0]!.functions.map((f) => f.name)).toEqual([
      'example.com/big/parse.Parse',
      'example.com/big/parse.skipSpace',
    ]);
    const byName = narrowDependencies(GO, '', 'name');
    expect(byName.map((m) => m.module.path)).toEqual(['example.com/big', 'example.com/small']);
    expect(byName[0]!.packages.map((p) => p.package.path)).toEqual(['example.com/big/lex', 'example.com/big/parse']);
  });

  it('keeps only the functions that match, under their package and module, opened', () => {
    const rows = narrowDependencies(GO, 'skipspace', 'size');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.module.path).toBe('example.com/big');
    expect(rows[0]!.openForMatch).toBe(true);
    expect(rows[0]!.packages.map((p) => p.package.path)).toEqual(['example.com/big/parse']);
    expect(rows[0]!.packages[0]!.functions.map((f) => f.name)).toEqual(['example.com/big/parse.skipSpace']);
    expect(rows[0]!.packages[0]!.openForMatch).toBe(true);
  });

  it('keeps a matching package whole, and a matching module whole', () => {
    const lex = narrowDependencies(GO, 'big/lex', 'size');
    expect(lex[0]!.packages.map((p) => p.package.path)).toEqual(['example.com/big/lex']);
    expect(lex[0]!.packages[0]!.openForMatch).toBe(false);
    const small = narrowDependencies(GO, 'example.com/small', 'size');
    expect(small.map((m) => m.module.path)).toEqual(['example.com/small']);
    expect(small[0]!.openForMatch).toBe(false);
    expect(small[0]!.packages[0]!.functions).toHaveLength(2);
  });

  it('keeps nothing when nothing matches', () => {
    expect(narrowDependencies(GO, 'no-such-name', 'size')).toEqual([]);
  });
});
