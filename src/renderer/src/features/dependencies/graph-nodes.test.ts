import { describe, expect, it } from 'vitest';
import type { GraphEdge, ModuleGraph } from '../../../../core/report/types';
import { graphNodes, linkKind } from './graph-nodes';

function edge(from: string, to: string, caller: string, callee: string): GraphEdge {
  const example = { caller, callee, address: '0x1000', kind: 'call' as const };
  return { from, to, calls: 2, inlined: 1, references: 0, example };
}

/** A program where app calls a.Run, which calls b.Hash: b is linked only through a. */
const GRAPH: ModuleGraph = {
  modules: [
    { path: 'example.com/app', direct: false, pathFromMain: [] },
    {
      path: 'example.com/a',
      direct: true,
      pathFromMain: [
        { function: 'main.main', module: 'example.com/app', via: null },
        { function: 'example.com/a.Run', module: 'example.com/a', via: 'call' },
      ],
    },
    {
      path: 'example.com/b',
      direct: false,
      pathFromMain: [
        { function: 'main.main', module: 'example.com/app', via: null },
        { function: 'example.com/a.Run', module: 'example.com/a', via: 'call' },
        { function: 'example.com/b.Hash', module: 'example.com/b', via: 'inline' },
      ],
    },
  ],
  moduleEdges: [
    edge('example.com/app', 'example.com/a', 'main.main', 'example.com/a.Run'),
    edge('example.com/a', 'example.com/b', 'example.com/a.Run', 'example.com/b.Hash'),
  ],
  packageEdges: [],
};

describe('dependency graph rows', () => {
  it('explains a transitive module by the chain from main.main', () => {
    const [why, dependsOn, usedBy] = graphNodes(GRAPH, 'example.com/b');
    expect(why!.label).toBe('Why is this linked?');
    expect(why!.children!().map((n) => n.label)).toEqual([
      'main.main',
      '→ calls example.com/a.Run',
      '→ inlines example.com/b.Hash',
    ]);
    expect(dependsOn).toMatchObject({ label: 'Depends on (0)', children: undefined });
    const users = usedBy!.children!();
    expect(users.map((n) => n.label)).toEqual(['example.com/a']);
    expect(users[0]!.cells[1]).toBe('2 calls, 1 inlined');
    expect(users[0]!.cells[3]).toBe('e.g. example.com/a.Run calls example.com/b.Hash at 0x1000');
  });

  it('tells direct from transitive, and says nothing for the main module', () => {
    expect(linkKind(GRAPH, 'example.com/a')).toBe('direct');
    expect(linkKind(GRAPH, 'example.com/b')).toBe('transitive');
    expect(linkKind(GRAPH, 'example.com/app')).toBeNull();
    expect(graphNodes(GRAPH, 'example.com/app')[0]!.cells[1]).toBe('this is the main module');
  });
});
