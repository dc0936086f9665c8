import type { EdgeKind, GraphEdge } from '../report/types';
import { hexAddress } from '../go/regions';

/** Sums evidence into edges between named groups (packages or modules), one example each. */
export class EdgeTable {
  private readonly edges = new Map<string, GraphEdge & { exampleAddress: number }>();

  add(from: string, to: string, caller: string, callee: string, kind: EdgeKind, address: number): void {
    const key = `${from}\u0000${to}`;
    let edge = this.edges.get(key);
    if (!edge) {
      const example = { caller, callee, address: hexAddress(address), kind };
      edge = { from, to, calls: 0, inlined: 0, references: 0, example, exampleAddress: address };
      this.edges.set(key, edge);
    } else if (address < edge.exampleAddress) {
      edge.example = { caller, callee, address: hexAddress(address), kind };
      edge.exampleAddress = address;
    }
    if (kind === 'call' || kind === 'inline') edge.calls++;
    if (kind === 'inline') edge.inlined++;
    if (kind === 'reference' || kind === 'type') edge.references++;
  }

  /** Edges by source, then target. */
  list(): GraphEdge[] {
    return [...this.edges.values()]
      .map(({ exampleAddress: _, ...edge }) => edge)
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }
}
