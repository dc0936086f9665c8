import type { Exe } from '../formats/exe';
import type { Diagnostic } from '../io/errors';
import { inlineIndexAt, readInlineTrees, type InlineTrees } from '../go/inline';
import type { Pclntab } from '../go/pclntab';
import { resolveTextStart } from '../go/textstart';
import type { CodeSpace } from './space';
import type { InlineFrames } from './types';

/**
 * Inlined frames for the pass: the inline trees of every function, and for each call site or reference the
 * innermost frame at its pc (the InlTreeIndex value there), so a call made from inlined code is attributed to the
 * function whose body it came from.
 */
export function readFrames(
  exe: Exe,
  file: Uint8Array,
  table: Pclntab,
  functions: readonly { entry: number; size: number }[],
  space: CodeSpace,
  diagnostics: Diagnostic[],
): InlineTrees | null {
  const textStart = resolveTextStart(table, exe, file).address;
  const functionAt = (address: number): number => space.functionAt(address);
  return readInlineTrees({ exe, file, table, textStart, functions, functionAt }, diagnostics);
}

/** Fills `frame[row]` for rows whose caller has an inline tree. */
export function attribute(trees: InlineTrees, count: number, pc: Float64Array, caller: Int32Array, frame: Int32Array) {
  for (let row = 0; row < count; row++) {
    const fn = caller[row]!;
    if (trees.runCount[fn] === 0 || trees.firstFrame[fn]! < 0) continue;
    const index = inlineIndexAt(trees, fn, pc[row]!);
    if (index >= 0) frame[row] = trees.firstFrame[fn]! + index;
  }
}

export function inlineFrames(trees: InlineTrees): InlineFrames {
  const n = trees.count;
  return {
    count: n,
    outer: trees.outer.slice(0, n),
    parent: trees.parent.slice(0, n),
    name: trees.name.slice(0, n),
    callPc: trees.callPc.slice(0, n),
  };
}
