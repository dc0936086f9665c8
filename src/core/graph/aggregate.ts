import type { EdgeKind, GraphEdge } from '../report/types';
import { hexAddress } from '../go/regions';

/**
 * Edge keys are from·K+to. Group ids count distinct packages, far below 2^26 (the function table alone is capped at
 * MAX_FUNCS = 2 million), and 2^26·2^26 stays an exact double.
 */
const KEY_STRIDE = 2 ** 26;
/**
 * Below this many groups a key is from·2^15+to, below 2^30, a small integer: V8 hashes those without boxing, and a
 * binary's packages are far fewer. Pairs with a larger id take wide keys, placed from 2^30 on so they never equal
 * a narrow one.
 */
const NARROW_IDS = 2 ** 15;
const WIDE_KEYS = NARROW_IDS * NARROW_IDS;

interface Tally {
  from: number;
  to: number;
  calls: number;
  inlined: number;
  references: number;
  caller: number;
  callee: number;
  kind: EdgeKind;
  address: number;
}

/**
 * Sums evidence into edges between groups (packages or modules, by id), keeping the evidence at the lowest
 * address as the example. Ids and function nodes become names only when the list is made.
 */
export class EdgeTable {
  private readonly tallies = new Map<number, Tally>();

  constructor(private readonly groupNames: readonly string[]) {}

  add(from: number, to: number, caller: number, callee: number, kind: EdgeKind, address: number): void {
    const key = from < NARROW_IDS && to < NARROW_IDS ? from * NARROW_IDS + to : WIDE_KEYS + from * KEY_STRIDE + to;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = { from, to, calls: 0, inlined: 0, references: 0, caller, callee, kind, address };
      this.tallies.set(key, tally);
    } else if (address < tally.address) {
      Object.assign(tally, { caller, callee, kind, address });
    }
    if (kind === 'call' || kind === 'inline') tally.calls++;
    if (kind === 'inline') tally.inlined++;
    if (kind === 'reference' || kind === 'type') tally.references++;
  }

  /** Edges by source, then target; `functionNames` names the example's function nodes. */
  list(functionNames: readonly string[]): GraphEdge[] {
    return [...this.tallies.values()]
      .map((t) => ({
        from: this.groupNames[t.from]!,
        to: this.groupNames[t.to]!,
        calls: t.calls,
        inlined: t.inlined,
        references: t.references,
        example: {
          caller: functionNames[t.caller]!,
          callee: functionNames[t.callee]!,
          address: hexAddress(t.address),
          kind: t.kind,
        },
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  }
}
