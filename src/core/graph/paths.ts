import { grown } from '../code/columns';
import type { EdgeKind, GraphEdge, GraphStep } from '../report/types';

/**
 * Why each module is linked: the shortest chain of functions from the roots (main.main and the main module's
 * init functions) to the first function of the module, by breadth-first search over the function graph. A
 * module the function search does not reach (its code is only reached through indirect calls the pass cannot
 * follow) gets the shortest chain of module edges instead, each hop shown by its example.
 */
export class FunctionGraph {
  /**
   * Evidence as it came, in columns; callees are grouped by caller only when searched. Cheaper than a map of
   * callees per node for the hundreds of thousands of pieces a large binary gives.
   */
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private count = 0;
  private nodes = 0;

  add(from: number, to: number, kind: EdgeKind): void {
    if (from === to) return;
    if (this.count === this.from.length) this.grow();
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.kind[this.count] = KINDS.indexOf(kind);
    this.count++;
    this.nodes = Math.max(this.nodes, from + 1, to + 1);
  }

  private grow(): void {
    const rows = this.count + 1;
    this.from = grown(this.from, rows);
    this.to = grown(this.to, rows);
    this.kind = grown(this.kind, rows);
  }

  /**
   * Shortest chains from the roots to every reachable node, as parent links, in the order reached. A node's
   * callees are taken in the order their first evidence came, up to MAX_FANOUT distinct ones, each with the kind
   * of that first evidence.
   */
  search(roots: readonly number[]): Map<number, { from: number; kind: EdgeKind | null }> {
    const { first, order } = this.byCaller();
    const parent = new Map<number, { from: number; kind: EdgeKind | null }>();
    const queue: number[] = [];
    for (const root of roots) {
      if (parent.has(root)) continue;
      parent.set(root, { from: -1, kind: null });
      queue.push(root);
    }
    // seenFrom[to] = node + 1 once `to` counted among node's distinct callees.
    const seenFrom = new Int32Array(this.nodes);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      if (node < 0 || node >= this.nodes) continue;
      let distinct = 0;
      for (let k = first[node]!; k < first[node + 1]! && distinct < MAX_FANOUT; k++) {
        const row = order[k]!;
        const to = this.to[row]!;
        if (seenFrom[to] === node + 1) continue;
        seenFrom[to] = node + 1;
        distinct++;
        if (parent.has(to)) continue;
        parent.set(to, { from: node, kind: KINDS[this.kind[row]!]! });
        queue.push(to);
      }
    }
    return parent;
  }

  /** Rows grouped by caller (a counting sort, so each caller's rows keep the order they came in). */
  private byCaller(): { first: Int32Array; order: Int32Array } {
    const first = new Int32Array(this.nodes + 1);
    for (let row = 0; row < this.count; row++) first[this.from[row]! + 1]!++;
    for (let node = 0; node < this.nodes; node++) first[node + 1]! += first[node]!;
    const next = first.slice(0, this.nodes);
    const order = new Int32Array(this.count);
    for (let row = 0; row < this.count; row++) order[next[this.from[row]!]!++] = row;
    return { first, order };
  }
}

const KINDS: readonly EdgeKind[] = ['call', 'inline', 'reference', 'type'];

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
