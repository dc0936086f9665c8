import type { EdgeKind, GraphEdge, GraphStep } from '../report/types';

/**
 * Why each module is linked: the shortest chain of functions from the roots (main.main and the main module's
 * init functions) to the first function of the module, by breadth-first search over the function graph. A
 * module the function search does not reach (its code is only reached through indirect calls the pass cannot
 * follow) gets the shortest chain of module edges instead, each hop shown by its example.
 */
export class FunctionGraph {
  private readonly next = new Map<string, { to: string; kind: EdgeKind }[]>();

  add(from: string, to: string, kind: EdgeKind): void {
    if (from === to) return;
    let list = this.next.get(from);
    if (!list) this.next.set(from, (list = []));
    if (list.length < MAX_FANOUT && !list.some((e) => e.to === to)) list.push({ to, kind });
  }

  /** Shortest chains from the roots to every reachable function, as parent links. */
  search(roots: readonly string[]): Map<string, { from: string | null; kind: EdgeKind | null }> {
    const parent = new Map<string, { from: string | null; kind: EdgeKind | null }>();
    const queue: string[] = [];
    for (const root of roots) {
      if (parent.has(root)) continue;
      parent.set(root, { from: null, kind: null });
      queue.push(root);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const edge of this.next.get(node) ?? []) {
        if (parent.has(edge.to)) continue;
        parent.set(edge.to, { from: node, kind: edge.kind });
        queue.push(edge.to);
      }
    }
    return parent;
  }
}

/** Distinct callees kept per function: a big switch calling thousands of functions still explains itself. */
const MAX_FANOUT = 4096;

export function chainTo(
  target: string,
  parent: Map<string, { from: string | null; kind: EdgeKind | null }>,
  moduleOf: (fn: string) => string,
): GraphStep[] {
  const steps: GraphStep[] = [];
  for (let node: string | null = target; node !== null;) {
    const link: { from: string | null; kind: EdgeKind | null } = parent.get(node)!;
    steps.push({ function: node, module: moduleOf(node), via: link.kind });
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
