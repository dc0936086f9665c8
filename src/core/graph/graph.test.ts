import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzOptions } from '../../../test/fuzz';
import type { CodeFacts } from '../code/types';
import type { GoReport } from '../report/types';
import { buildModuleGraph, type Memory } from './index';

/**
 * Hand-made code facts for a program shaped like this (the values are the spec of each case):
 *   main.main calls a.Run at 0x1010; a.Run calls b.Hash at 0x2010 from inside an inlined a.helper frame;
 *   main.main inlined c.Min at 0x1020; main.init takes d.F as a function value through its funcval at 0x9000;
 *   main.main loads the itab at 0x9100 whose first method is e.(*T).M; a.Run calls type:.eq.a.T (left out).
 */
const FUNCTIONS = [
  ['main.main', 0x1000, 'main', 'example.com/app'],
  ['main.init', 0x1800, 'main', 'example.com/app'],
  ['example.com/a.Run', 0x2000, 'example.com/a', 'example.com/a'],
  ['example.com/b.Hash', 0x3000, 'example.com/b', 'example.com/b'],
  ['example.com/d.F', 0x4000, 'example.com/d', 'example.com/d'],
  ['example.com/e.(*T).M', 0x5000, 'example.com/e', 'example.com/e'],
  ['type:.eq.example.com/a.T', 0x6000, 'type:', 'std'],
] as const;

function report(): GoReport {
  const functions = FUNCTIONS.map(([name, entry, pkg]) => ({
    name,
    entry: `0x${entry.toString(16)}`,
    size: 16,
    file: null,
    package: pkg,
  }));
  const packages = FUNCTIONS.map(([, , path, module]) => ({
    path,
    class: 'third-party' as const,
    functionCount: 1,
    size: 16,
    module,
  }));
  const modulePaths = [
    'example.com/app',
    'example.com/a',
    'example.com/b',
    'example.com/c',
    'example.com/d',
    'example.com/e',
    'std',
  ];
  const modules = modulePaths.map((path) => ({
    path,
    version: '',
    sum: '',
    replace: null,
    origin: path === 'example.com/app' ? ('main' as const) : ('recorded' as const),
    packages: [],
    size: 0,
  }));
  return { version: 'go1.22.0', versionSource: null, buildInfo: null, pclntab: null, functions, packages, modules };
}

function facts(): CodeFacts {
  return {
    arch: 'x86_64',
    calls: {
      count: 3,
      pc: Float64Array.from([0x1010, 0x2010, 0x2020]),
      caller: Int32Array.from([0, 2, 2]),
      frame: Int32Array.from([-1, 0, -1]),
      callee: Int32Array.from([2, 3, 6]),
    },
    refs: {
      count: 2,
      pc: Float64Array.from([0x1810, 0x1030]),
      caller: Int32Array.from([1, 0]),
      frame: Int32Array.from([-1, -1]),
      target: Float64Array.from([0x9000, 0x9100]),
      length: Int32Array.from([-1, -1]),
      isFunction: Uint8Array.from([1, 0]),
      access: Uint8Array.from([0, 0]),
      // The pass resolves the funcval at 0x9000 to d.F; the itab is data to it.
      callee: Int32Array.from([4, -1]),
    },
    inline: {
      count: 2,
      outer: Int32Array.from([2, 0]),
      parent: Int32Array.from([-1, -1]),
      name: ['example.com/a.helper', 'example.com/c.Min'],
      callPc: Float64Array.from([0x2008, 0x1020]),
    },
    codeBytes: 0,
    diagnostics: [],
  };
}

/** An itab at 0x9100 {inter, type, hash, pad, fun[0] = e.(*T).M}; the funcval at 0x9000 holds d.F's entry. */
const WORDS = new Map([
  [0x9000, 0x4000],
  [0x9100, 0x7000],
  [0x9108, 0x7100],
  [0x9118, 0x5000],
]);
const memory: Memory = { pointerSize: 8, readPointer: (address) => WORDS.get(address) ?? 0 };

describe('buildModuleGraph', () => {
  const graph = buildModuleGraph(report(), facts(), memory);
  const edges = graph.moduleEdges.map((e) => `${e.from} -> ${e.to} ${e.calls}/${e.inlined}/${e.references}`);

  it('makes module edges from calls, inline frames, funcvals and itabs, and none into pseudo-packages', () => {
    expect(edges).toEqual([
      'example.com/a -> example.com/b 1/0/0',
      'example.com/app -> example.com/a 1/0/0',
      'example.com/app -> example.com/c 1/1/0',
      'example.com/app -> example.com/d 0/0/1',
      'example.com/app -> example.com/e 0/0/1',
    ]);
  });

  it('attributes a call inside an inlined frame to the inlined function', () => {
    const edge = graph.packageEdges.find((e) => e.to === 'example.com/b')!;
    expect(edge.example).toEqual({
      caller: 'example.com/a.helper',
      callee: 'example.com/b.Hash',
      address: '0x2010',
      kind: 'call',
    });
  });

  it('marks direct dependencies and explains transitive ones from main', () => {
    const byPath = new Map(graph.modules.map((m) => [m.path, m]));
    expect(byPath.get('example.com/a')!.direct).toBe(true);
    expect(byPath.get('example.com/b')!.direct).toBe(false);
    expect(byPath.get('example.com/b')!.pathFromMain!.map((s) => s.function)).toEqual([
      'main.main',
      'example.com/a.Run',
      'example.com/a.helper',
      'example.com/b.Hash',
    ]);
    expect(byPath.get('example.com/d')!.pathFromMain).toEqual([
      { function: 'main.init', module: 'example.com/app', via: null },
      { function: 'example.com/d.F', module: 'example.com/d', via: 'reference' },
    ]);
  });

  it('follows no itab without memory to read', () => {
    const bare = buildModuleGraph(report(), facts());
    expect(bare.moduleEdges.map((e) => e.to)).toContain('example.com/d');
    expect(bare.moduleEdges.map((e) => e.to)).not.toContain('example.com/e');
  });

  it('reads no itab through an instruction that loads from it instead of taking its address', () => {
    const loads = facts();
    loads.refs.access[1] = 1;
    expect(buildModuleGraph(report(), loads, memory).moduleEdges.map((e) => e.to)).not.toContain('example.com/e');
  });
});

describe('buildModuleGraph on arbitrary facts (seeded fuzz)', () => {
  const index = fc.integer({ min: -2, max: FUNCTIONS.length + 2 });
  const columns = (length: number) => fc.array(fc.tuple(index, index, index), { minLength: length, maxLength: length });
  const shapes = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }))
    .chain(([calls, frames]) => fc.tuple(columns(calls), columns(frames)));

  it('never throws, and every edge joins two different modules', () => {
    fc.assert(
      fc.property(shapes, ([calls, frames]) => {
        const code = facts();
        code.calls = {
          count: calls.length,
          pc: Float64Array.from(calls, (_, i) => 0x1000 + i),
          caller: Int32Array.from(calls, ([caller]) => caller),
          frame: Int32Array.from(calls, ([, frame]) => Math.min(frame, frames.length - 1)),
          callee: Int32Array.from(calls, ([, , callee]) => callee),
        };
        code.inline = {
          count: frames.length,
          outer: Int32Array.from(frames, ([outer]) => outer),
          parent: Int32Array.from(frames, ([, parent], i) => Math.min(parent, i - 1)),
          name: frames.map(([, , fn]) => FUNCTIONS[Math.abs(fn) % FUNCTIONS.length]![0]),
          callPc: new Float64Array(frames.length),
        };
        const graph = buildModuleGraph(report(), code, memory);
        for (const edge of graph.moduleEdges) expect(edge.from).not.toBe(edge.to);
      }),
      fuzzOptions(200, 12),
    );
  });
});
