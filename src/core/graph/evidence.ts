import type { CodeFacts } from '../code/types';
import type { EdgeKind } from '../report/types';

/**
 * Function-to-function evidence from one pass over the code: direct calls (made from the innermost inlined frame
 * at the call, when there is one), inlined calls (each inline frame is an edge from its parent frame or outer
 * function to the inlined function), function values (a reference to a function entry, or to a funcval whose
 * first word is one), and method tables (a reference to an itab whose first method is a function entry).
 */
export interface CodeFunction {
  name: string;
  entry: number;
}

/** Reads one pointer-sized word at a virtual address; null when unmapped. */
export type PointerReader = (address: number) => number | null;

export interface Memory {
  readPointer: PointerReader;
  pointerSize: 4 | 8;
}

/** `DataRefs.access` of an instruction that takes the address (LEA, ADRP+ADD) rather than reading through it. */
const ADDRESS_TAKEN = 0;

/** Evidence between two function nodes (ids of `FunctionNodes`). */
export type EvidenceSink = (from: number, to: number, kind: EdgeKind, address: number) => void;

/**
 * One id per distinct function name, for the pclntab's functions and the inlined frames alike, so the rest of
 * the graph works on numbers instead of hashing names for every piece of evidence.
 */
export class FunctionNodes {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly functionIds: Int32Array;
  private readonly frameIds: Int32Array;

  constructor(functions: readonly CodeFunction[], inline: CodeFacts['inline']) {
    this.functionIds = Int32Array.from(functions, (fn) => this.intern(fn.name));
    const frames = inline?.count ?? 0;
    this.frameIds = new Int32Array(frames);
    for (let f = 0; f < frames; f++) this.frameIds[f] = this.intern(inline!.name[f] ?? '');
  }

  private intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  /** The node of a function index, or -1 when the index is out of range. */
  ofFunction(index: number): number {
    return index >= 0 && index < this.functionIds.length ? this.functionIds[index]! : -1;
  }

  /** The node code at (function, innermost frame) belongs to: the frame's function when there is one. */
  at(caller: number, frame: number): number {
    return frame >= 0 && frame < this.frameIds.length ? this.frameIds[frame]! : this.ofFunction(caller);
  }

  ofFrame(frame: number): number {
    return frame >= 0 && frame < this.frameIds.length ? this.frameIds[frame]! : -1;
  }
}

function callEvidence(code: CodeFacts, nodes: FunctionNodes, sink: EvidenceSink): void {
  const calls = code.calls;
  for (let i = 0; i < calls.count; i++) {
    const from = nodes.at(calls.caller[i]!, calls.frame[i]!);
    const to = nodes.ofFunction(calls.callee[i]!);
    if (from >= 0 && to >= 0) sink(from, to, 'call', calls.pc[i]!);
  }
}

function inlineEvidence(code: CodeFacts, nodes: FunctionNodes, sink: EvidenceSink): void {
  const inline = code.inline;
  if (!inline) return;
  for (let f = 0; f < inline.count; f++) {
    const from = nodes.at(inline.outer[f]!, inline.parent[f]!);
    const to = nodes.ofFrame(f);
    if (from >= 0 && to >= 0) sink(from, to, 'inline', inline.callPc[f]!);
  }
}

/**
 * The method an itab at `address` points to first, or -1. An itab is {interface type, concrete type, hash u32,
 * pad, methods...}: both type words must be set and the first method slot must hold a function entry.
 */
function itabMethod(address: number, memory: Memory, byEntry: Map<number, number>): number {
  const size = memory.pointerSize;
  // The method slot first: most data is no itab, and one read settles it.
  const first = memory.readPointer(address + 2 * size + 8);
  const index = first === null ? undefined : byEntry.get(first);
  if (index === undefined) return -1;
  if (!memory.readPointer(address) || !memory.readPointer(address + size)) return -1;
  return index;
}

/**
 * The function a reference leads to: one the code pass resolved (entry or funcval), or an itab's first method.
 * Returned as one number, with no object per reference: 2 * index for a reference, 2 * index + 1 for a method
 * table; -1 for none.
 */
function referenceTarget(
  refs: CodeFacts['refs'],
  row: number,
  memory: Memory | null,
  byEntry: Map<number, number>,
  itabs: Map<number, number>,
): number {
  const callee = refs.callee[row]!;
  if (callee >= 0) return 2 * callee;
  if (!memory || refs.access[row] !== ADDRESS_TAKEN) return -1;
  const target = refs.target[row]!;
  let method = itabs.get(target);
  if (method === undefined) itabs.set(target, (method = itabMethod(target, memory, byEntry)));
  return method < 0 ? -1 : 2 * method + 1;
}

function referenceEvidence(
  code: CodeFacts,
  functions: readonly CodeFunction[],
  nodes: FunctionNodes,
  memory: Memory | null,
  sink: EvidenceSink,
): void {
  const refs = code.refs;
  const byEntry = new Map<number, number>();
  for (let i = 0; i < functions.length; i++) byEntry.set(functions[i]!.entry, i);
  /** Itab verdicts by address: many instructions load the same one. */
  const itabs = new Map<number, number>();
  for (let i = 0; i < refs.count; i++) {
    const target = referenceTarget(refs, i, memory, byEntry, itabs);
    if (target < 0) continue;
    const from = nodes.at(refs.caller[i]!, refs.frame[i]!);
    const to = nodes.ofFunction(target >> 1);
    if (from >= 0 && to >= 0) sink(from, to, target & 1 ? 'type' : 'reference', refs.pc[i]!);
  }
}

/** Every piece of evidence, in column order: calls, inline frames, then references. */
export function collectEvidence(
  code: CodeFacts,
  functions: readonly CodeFunction[],
  nodes: FunctionNodes,
  memory: Memory | null,
  sink: EvidenceSink,
): void {
  callEvidence(code, nodes, sink);
  inlineEvidence(code, nodes, sink);
  referenceEvidence(code, functions, nodes, memory, sink);
}
