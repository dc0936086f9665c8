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

export type EvidenceSink = (from: string, to: string, kind: EdgeKind, address: number) => void;

function frameOrFunction(code: CodeFacts, functions: readonly CodeFunction[], caller: number, frame: number): string {
  if (frame >= 0 && code.inline && frame < code.inline.count) return code.inline.name[frame] ?? '';
  return functions[caller]?.name ?? '';
}

function callEvidence(code: CodeFacts, functions: readonly CodeFunction[], sink: EvidenceSink): void {
  const calls = code.calls;
  for (let i = 0; i < calls.count; i++) {
    const callee = functions[calls.callee[i]!];
    if (!callee) continue;
    sink(frameOrFunction(code, functions, calls.caller[i]!, calls.frame[i]!), callee.name, 'call', calls.pc[i]!);
  }
}

function inlineEvidence(code: CodeFacts, functions: readonly CodeFunction[], sink: EvidenceSink): void {
  const inline = code.inline;
  if (!inline) return;
  for (let f = 0; f < inline.count; f++) {
    const from = frameOrFunction(code, functions, inline.outer[f]!, inline.parent[f]!);
    sink(from, inline.name[f] ?? '', 'inline', inline.callPc[f]!);
  }
}

/**
 * The method an itab at `address` points to first, or -1. An itab is {interface type, concrete type, hash u32,
 * pad, methods...}: both type words must be set and the first method slot must hold a function entry.
 */
function itabMethod(address: number, memory: Memory, byEntry: Map<number, number>): number {
  const size = memory.pointerSize;
  if (!memory.readPointer(address) || !memory.readPointer(address + size)) return -1;
  const first = memory.readPointer(address + 2 * size + 8);
  return (first === null ? undefined : byEntry.get(first)) ?? -1;
}

/** The function a reference leads to: one the code pass resolved (entry or funcval), or an itab's first method. */
function referenceTarget(
  refs: CodeFacts['refs'],
  row: number,
  memory: Memory | null,
  byEntry: Map<number, number>,
): { index: number; kind: EdgeKind } | null {
  const callee = refs.callee[row]!;
  if (callee >= 0) return { index: callee, kind: 'reference' };
  if (!memory || refs.access[row] !== ADDRESS_TAKEN) return null;
  const method = itabMethod(refs.target[row]!, memory, byEntry);
  return method < 0 ? null : { index: method, kind: 'type' };
}

function referenceEvidence(
  code: CodeFacts,
  functions: readonly CodeFunction[],
  memory: Memory | null,
  sink: EvidenceSink,
): void {
  const refs = code.refs;
  const byEntry = new Map<number, number>();
  functions.forEach((fn, i) => byEntry.set(fn.entry, i));
  for (let i = 0; i < refs.count; i++) {
    const target = referenceTarget(refs, i, memory, byEntry);
    const callee = target ? functions[target.index] : undefined;
    if (!target || !callee) continue;
    const from = frameOrFunction(code, functions, refs.caller[i]!, refs.frame[i]!);
    sink(from, callee.name, target.kind, refs.pc[i]!);
  }
}

/** Every piece of evidence, in column order: calls, inline frames, then references. */
export function collectEvidence(
  code: CodeFacts,
  functions: readonly CodeFunction[],
  memory: Memory | null,
  sink: EvidenceSink,
): void {
  callEvidence(code, functions, sink);
  inlineEvidence(code, functions, sink);
  referenceEvidence(code, functions, memory, sink);
}
