import { describe, expect, it } from 'vitest';
import { FunctionGraph } from './paths';

describe('FunctionGraph', () => {
  it('reaches each node by its shortest chain, through the first evidence of each caller-callee pair', () => {
    const graph = new FunctionGraph();
    graph.add(0, 0, 'call'); // a self call is no chain
    graph.add(2, 3, 'call');
    graph.add(0, 2, 'reference');
    graph.add(0, 2, 'call'); // the same pair again: the first kind stays
    graph.add(0, 1, 'inline');
    graph.add(1, 3, 'type');
    graph.add(7, 8, 'call'); // not reachable from the root
    const parent = graph.search([0]);
    expect([...parent]).toEqual([
      [0, { from: -1, kind: null }],
      [2, { from: 0, kind: 'reference' }],
      [1, { from: 0, kind: 'inline' }],
      [3, { from: 2, kind: 'call' }],
    ]);
  });

  it('follows at most 4096 distinct callees of one function, the first ones that came', () => {
    const graph = new FunctionGraph();
    for (let callee = 1; callee <= 5000; callee++) graph.add(0, callee, 'call');
    // Repeats of kept callees do not use up the allowance.
    for (let callee = 1; callee <= 10; callee++) graph.add(0, callee, 'call');
    graph.add(4096, 6000, 'call');
    graph.add(4097, 6001, 'call');
    const parent = graph.search([0]);
    expect(parent.has(4096)).toBe(true);
    expect(parent.has(4097)).toBe(false);
    expect(parent.get(6000)).toEqual({ from: 4096, kind: 'call' });
    expect(parent.has(6001)).toBe(false);
  });
});
