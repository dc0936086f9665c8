import type { EdgeKind, GraphEdge, GraphStep } from '../report/types';

/**
 * Why each module is linked: the shortest chain of functions from the roots (main.main and the main module's
 * init functions) to the first function of the module, by breadth-first search over the function graph. A
 * module the function search does not reach (its code is only reached through indirect calls the pass cannot
 * follow) gets the shortest chain of module edges instead, each hop shown by its example.
 */
export class FunctionGraph {
  /** Callees of each node, with how the first piece of evidence reached them. */
  private readonly next = new Map<number, Map<number, EdgeKind>>();

  add(from: number, to: number, kind: EdgeKind): void {
    if (from === to) return;
    let callees = this.next.get(from);
    if (!callees) this.next.set(from, (callees = new Map()));
    if (callees.size < MAX_FANOUT && !callees.has(to)) callees.set(to, kind);
  }

  /** Shortest chains from the roots to every reachable node, as parent links, in the order reached. */
  search(roots: readonly number[]): Map<number, { from: number; kind: EdgeKind | null }> {
    const parent = new Map<number, { from: number; kind: EdgeKind | null }>();
    const queue: number[] = [];
    for (const root of roots) {
      if (parent.has(root)) continue;
      parent.set(root, { from: -1, kind: null });
      queue.push(root);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [to, kind] of this.next.get(node) ?? []) {
        if (parent.has(to)) continue;
        parent.set(to, { from: node, kind });
        queue.push(to);
      }
    }
    return parent;
  }
}

/** Distinct callees kept per function: a big switch calling thousands of functions still explains itself. */
const MAX_FANOUT = 4096;

export function chainTo(
  target: number,
  parent: Map<number, { from: number; kind: EdgeKind | null }>,
  describe: (node: number) => { name: string; module: string },
): GraphStep[] {
  const steps: GraphStep[] = [];
  for (let node = target; node >= 0;) {
    const link = parent.get(node)!;
    const { name, module } = describe(node);
    steps.push({ function: name, module, via: link.kind });
    node = link.from;
  }
  return steps.reverse();
}

/** The shortest chain of module edges from `main` to every module, each hop as its example call. */
export function moduleChains(main: string, edges: readonly GraphEdge[]): Map<string, GraphStep[]> {
  const out = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.from) ?? [];
    list.push(edge);
    out.set(edge.from, list);
  }
  const via = new Map<string, GraphEdge | null>([[main, null]]);
  const queue = [main];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of out.get(queue[head]!) ?? []) {
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  const chains = new Map<string, GraphStep[]>();
  for (const module of via.keys()) {
    const hops: GraphEdge[] = [];
    for (let edge = via.get(module); edge; edge = via.get(edge.from)) hops.unshift(edge);
    const steps: GraphStep[] = [];
    for (const hop of hops) {
      steps.push({ function: hop.example.caller, module: hop.from, via: null });
      steps.push({ function: hop.example.callee, module: hop.to, via: hop.example.kind });
    }
    chains.set(module, steps);
  }
  return chains;
}
