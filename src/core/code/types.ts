import type { Diagnostic } from '../io/errors';

/**
 * What one pass over a binary's code found: direct calls, inlined frames and references from instructions to data.
 * Columns instead of objects: a large binary has hundreds of thousands of call sites, and typed arrays keep them
 * small and cheap to hand to a worker. Function indexes refer to the pclntab function list in the order the
 * analysis reports it (`GoReport.functions`); addresses are virtual addresses (64-bit values fit a double exactly
 * up to 2^53). Call sites and references are in address order; frames are grouped by outer function, each
 * function's frames in its inline tree's order (a parent before its children).
 */

/** Inlined frames of the whole binary, flattened. Frame ids are indexes into these columns. */
export interface InlineFrames {
  count: number;
  /** The function (index) whose body the frame was inlined into. */
  outer: Int32Array;
  /** The frame this one was inlined into, or -1 when that is the outer function itself. */
  parent: Int32Array;
  /** Name of the inlined function, as the pclntab spells it ("strings.Index"). */
  name: string[];
  /** Address of the inlined call site in the parent's code. */
  callPc: Float64Array;
}

/** Direct calls whose target is exactly a function entry. */
export interface CallSites {
  count: number;
  /** Address of the call instruction. */
  pc: Float64Array;
  /** The function (index) the instruction lies in. */
  caller: Int32Array;
  /** The innermost inlined frame at `pc`, or -1 when the call is in the function's own code. */
  frame: Int32Array;
  /** The function (index) called. */
  callee: Int32Array;
}

/** References from an instruction to data (amd64 RIP-relative LEA/MOV, arm64 ADRP+ADD/LDR). */
export interface DataRefs {
  count: number;
  pc: Float64Array;
  caller: Int32Array;
  frame: Int32Array;
  /** The address referenced. */
  target: Float64Array;
  /** The string length the compiler put next to the pointer (a MOV of an immediate), or -1 when none was seen. */
  length: Int32Array;
  /** 1 when the target is a function entry (a function value or a closure), else 0. */
  isFunction: Uint8Array;
  /**
   * 0 when the instruction takes the address (amd64 LEA, arm64 ADRP+ADD), 1 when it reads or writes the value
   * stored there (MOV, CMP, ADRP+LDR/STR). Only address-taking references carry string lengths.
   */
  access: Uint8Array;
  /**
   * The function (index) the reference leads to: the target itself when it is an entry, or the entry in word 0 of
   * a funcval the target points at (how Go passes a top-level function as a value); -1 otherwise. `isFunction` is
   * 1 exactly when this is not -1.
   */
  callee: Int32Array;
}

export interface CodeFacts {
  /** The architecture the pass decoded ("x86_64", "arm64"); null when the architecture is not supported. */
  arch: string | null;
  calls: CallSites;
  refs: DataRefs;
  /** Null when the binary has no inline trees or they could not be found. */
  inline: InlineFrames | null;
  /** Bytes of code the pass went over. */
  codeBytes: number;
  diagnostics: Diagnostic[];
}
