import { splitSymbol } from './symbols';
import type { CodeFacts } from '../code/types';

/**
 * Shortest call paths from the program's roots (main.main and every package's init functions) through direct
 * calls. Calls made by inlined code belong to the function they were inlined into, so inline edges need no step
 * of their own here: an inlined symbol is reached when the function holding it is.
 */
export class Reachability {
  private readonly parent: Int32Array;

  constructor(
    private readonly names: readonly string[],
    code: CodeFacts,
  ) {
    const count = names.length;
    this.parent = new Int32Array(count).fill(-2);
    const edges = adjacency(count, code);
    const queue: number[] = [];
    names.forEach((name, index) => {
      if (isRoot(name)) {
        this.parent[index] = -1;
        queue.push(index);
      }
    });
    for (let head = 0; head < queue.length; head++) {
      const fn = queue[head]!;
      for (let e = edges.start[fn]!; e < edges.start[fn + 1]!; e++) {
        const callee = edges.targets[e]!;
        if (this.parent[callee] !== -2) continue;
        this.parent[callee] = fn;
        queue.push(callee);
      }
    }
  }

  /** The names from a root to `fn`, or null when no static path reaches it. */
  pathTo(fn: number): string[] | null {
    if (fn < 0 || fn >= this.parent.length || this.parent[fn] === -2) return null;
    const path: string[] = [];
    for (let at = fn; at >= 0 && path.length <= this.parent.length; at = this.parent[at]!) path.push(this.names[at]!);
    return path.reverse();
  }
}

/**
 * main.main and the package initialisers the runtime calls: "pkg.init" and "pkg.init.0", "pkg.init.1", … — not a
 * method that happens to be called init ("pkg.(*T).init", "pkg.T.init") nor a closure inside an initialiser.
 */
export function isRoot(name: string): boolean {
  if (name === 'main.main') return true;
  const split = splitSymbol(name);
  return !!split && /^init(\.\d+)?$/.test(split.symbol);
}

/** Callees per caller, as compressed rows. */
function adjacency(count: number, code: CodeFacts): { start: Int32Array; targets: Int32Array } {
  const { calls } = code;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < calls.count; i++) {
    const caller = calls.caller[i]!;
    const callee = calls.callee[i]!;
    if (caller >= 0 && caller < count && callee >= 0 && callee < count) start[caller + 1]!++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, count);
  const targets = new Int32Array(start[count]!);
  for (let i = 0; i < calls.count; i++) {
    const caller = calls.caller[i]!;
    const callee = calls.callee[i]!;
    if (caller >= 0 && caller < count && callee >= 0 && callee < count) targets[fill[caller]!++] = callee;
  }
  return { start, targets };
}
