import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyze } from '../analyze';
import type { GraphEdge, ModuleGraph } from '../report/types';
import { listedPackages, MULTIMOD, multimodGraph, symbolPath, type ListedPackage } from './testing/multimod';

/**
 * The module graph of go/multimod against the go command's own import graph (`go list -deps -json`, captured by
 * test/fixtures/build-graph.sh). The fixture's modules are reached in every way the code can show: plain calls
 * (alpha, gen, embed), inlining only (leaf), an interface implementation only (shapes, through an itab), a method
 * value only (methval), and transitively only (beta, text.v2). Code facts come from `go tool objdump` and the
 * compiler's inlining report until the code pass is merged.
 */
function truthEdges(packages: ListedPackage[]): { modules: Set<string>; packages: Set<string> } {
  const byPath = new Map(packages.map((p) => [p.ImportPath, p]));
  const modules = new Set<string>();
  const pkgs = new Set<string>();
  for (const pkg of packages) {
    if (pkg.Standard) continue;
    for (const imported of pkg.Imports ?? []) {
      const target = byPath.get(imported)!;
      if (target.Standard) continue;
      pkgs.add(`${symbolPath(pkg)} -> ${symbolPath(target)}`);
      if (pkg.Module!.Path !== target.Module!.Path) modules.add(`${pkg.Module!.Path} -> ${target.Module!.Path}`);
    }
  }
  return { modules, packages: pkgs };
}

function found(edges: GraphEdge[], isStd: (path: string) => boolean): Set<string> {
  return new Set(edges.filter((e) => !isStd(e.from) && !isStd(e.to)).map((e) => `${e.from} -> ${e.to}`));
}

function score(expected: Set<string>, actual: Set<string>): { recall: number; precision: number; text: string } {
  const hits = [...actual].filter((e) => expected.has(e)).length;
  const recall = hits / expected.size;
  const precision = actual.size ? hits / actual.size : 0;
  const missed = [...expected].filter((e) => !actual.has(e));
  const extra = [...actual].filter((e) => !expected.has(e));
  const text = `recall ${hits}/${expected.size}, precision ${hits}/${actual.size}; missed ${missed.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}`;
  return { recall, precision, text };
}

let graph: ModuleGraph;
let listed: ListedPackage[];

beforeAll(() => {
  listed = listedPackages();
  ({ graph } = multimodGraph());
});

describe('module graph of go/multimod against go list -deps', () => {
  const stdModule = (path: string) => path === 'std';

  it('finds every module edge and invents none (recall 1, precision 1)', () => {
    const result = score(truthEdges(listed).modules, found(graph.moduleEdges, stdModule));
    console.log(`module edges: ${result.text}`);
    expect(result.recall).toBe(1);
    expect(result.precision).toBe(1);
  });

  it('finds most package edges (recall ≥ 0.9, precision 1 on this fixture)', () => {
    const std = new Set(listed.filter((p) => p.Standard).map((p) => p.ImportPath));
    const result = score(
      truthEdges(listed).packages,
      found(graph.packageEdges, (p) => std.has(p)),
    );
    console.log(`package edges: ${result.text}`);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.precision).toBe(1);
  });

  it('tells direct dependencies of the main module from transitive ones', () => {
    const direct = graph.modules.filter((m) => m.direct && m.path !== 'std').map((m) => m.path);
    // The main package imports these six modules (go list: example.com/multimod's Imports); beta and text.v2 are
    // imported only by alpha and embed.
    expect(direct.sort()).toEqual([
      'example.com/alpha',
      'example.com/embed',
      'example.com/gen',
      'example.com/leaf',
      'example.com/methval',
      'example.com/shapes',
    ]);
  });

  it('explains why each module is linked with a chain of functions from main.main', () => {
    const path = (module: string) =>
      graph.modules.find((m) => m.path === module)?.pathFromMain?.map((s) => `${s.function} (${s.via ?? 'root'})`);
    // Each chain follows the fixture's source: main.go calls alpha.Process, which calls beta.Checksum.
    expect(path('example.com/beta')).toEqual([
      'main.main (root)',
      'example.com/alpha.Process (call)',
      'example.com/beta.Checksum (call)',
    ]);
    expect(path('example.com/leaf')).toEqual(['main.main (root)', 'example.com/leaf.Clamp (inline)']);
    // An itab of a value type holds the pointer-receiver wrapper: interface data words are pointers.
    expect(path('example.com/shapes')).toEqual(['main.main (root)', 'example.com/shapes.(*Square).Area (type)']);
    expect(path('example.com/methval')).toEqual([
      'main.main (root)',
      'example.com/methval.Counter.Next-fm (reference)',
    ]);
    expect(path('example.com/text.v2')).toEqual([
      'main.main (root)',
      'example.com/alpha.Process (call)',
      'example.com/text%2ev2.Title (call)',
    ]);
  });

  it('keeps counts and an example call site per edge', () => {
    const edge = graph.moduleEdges.find((e) => e.from === 'example.com/multimod' && e.to === 'example.com/leaf')!;
    // Only inlined calls: the disassembly splits leaf.Clamp's inlined body into runs, so count at least one.
    expect(edge.calls).toBe(edge.inlined);
    expect(edge.inlined).toBeGreaterThanOrEqual(1);
    expect(edge.references).toBe(0);
    expect(edge.example).toMatchObject({ caller: 'main.main', callee: 'example.com/leaf.Clamp', kind: 'inline' });
  });
});

describe('module graph of go/multimod from the code pass', () => {
  it('finds the module edges of go list -deps and invents none', async () => {
    const analysis = await analyze(fixture(MULTIMOD), { fileName: MULTIMOD });
    const realGraph = analysis.report.go!.graph!;
    const result = score(
      truthEdges(listedPackages()).modules,
      found(realGraph.moduleEdges, (p) => p === 'std'),
    );
    console.log(`module edges (code pass, ${analysis.code?.inline?.count ?? 'no'} inline frames): ${result.text}`);
    expect(result.precision).toBe(1);
    const std = new Set(
      listedPackages()
        .filter((p) => p.Standard)
        .map((p) => p.ImportPath),
    );
    const packages = score(
      truthEdges(listedPackages()).packages,
      found(realGraph.packageEdges, (p) => std.has(p)),
    );
    console.log(`package edges (code pass): ${packages.text}`);
    expect(packages.precision).toBe(1);
    expect(packages.recall).toBeGreaterThanOrEqual(analysis.code?.inline ? 0.9 : 0.8);
    if (analysis.code?.inline) {
      expect(result.recall).toBe(1);
    } else {
      // Without inline trees the only edge left is the one made by inlining alone: main -> leaf.
      const expected = [...truthEdges(listedPackages()).modules].filter((e) => !e.endsWith('-> example.com/leaf'));
      expect(
        score(
          new Set(expected),
          found(realGraph.moduleEdges, (p) => p === 'std'),
        ).recall,
      ).toBe(1);
    }
  });
});
