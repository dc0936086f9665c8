// The module and package graph read from the code, part of the Report (types.ts re-exports them).

import type { HexAddress } from './types';

/** How one function reaches another: a direct call, an inlined call, a function value, or a type's method table. */
export type EdgeKind = 'call' | 'inline' | 'reference' | 'type';

/** One piece of code that makes an edge: `caller` calls, inlines or takes `callee` at `address`. */
export interface EdgeExample {
  caller: string;
  callee: string;
  address: HexAddress;
  kind: EdgeKind;
}

/** An edge between two modules or two packages, with how much code evidences it. */
export interface GraphEdge {
  from: string;
  to: string;
  /** Calls, inlined ones included. */
  calls: number;
  /** How many of the calls were inlined. */
  inlined: number;
  /** Function values and method tables (itabs) that point into `to`. */
  references: number;
  /** The evidence at the lowest address. */
  example: EdgeExample;
}

/** One step of a chain of functions from main to a module. */
export interface GraphStep {
  function: string;
  module: string;
  /** How the previous step reached this one; null for the first step. */
  via: EdgeKind | null;
}

export interface GraphModule {
  path: string;
  /** The main module's code reaches this module's code itself. */
  direct: boolean;
  /** Shortest chain from main.main or an init function of the main module; null when the code shows none. */
  pathFromMain: GraphStep[] | null;
}

export interface ModuleGraph {
  modules: GraphModule[];
  moduleEdges: GraphEdge[];
  packageEdges: GraphEdge[];
}
