import type { EdgeKind, GraphEdge } from '../report/types';
import { hexAddress } from '../go/regions';

/** Sums evidence into edges between named groups (packages or modules), one example each. */
export class EdgeTable {
  private readonly edges = new Map<string, Map<string, GraphEdge & { exampleAddress: number }>>();

  add(from: string, to: string, caller: string, callee: string, kind: EdgeKind, address: number): void {
    let targets = this.edges.get(from);
    if (!targets) this.edges.set(from, (targets = new Map()));
    let edge = targets.get(to);
    if (!edge) {
      const example = { caller, callee, address: hexAddress(address), kind };
      edge = { from, to, calls: 0, inlined: 0, references: 0, example, exampleAddress: address };
      targets.set(to, edge);
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
      .flatMap((targets) => [...targets.values()])
      .map(({ exampleAddress: _, ...edge }) => edge)
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }
}
