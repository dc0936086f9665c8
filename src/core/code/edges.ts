import type { CodeFacts } from './types';

/**
 * The edges of the call graph by function name, inlined frames included: a direct call goes from the innermost
 * frame it lies in (or its function) to the callee; an inlined call goes from the frame it was inlined into (or the
 * outer function) to the inlined function; a function value (a reference whose target leads to a function) goes
 * from where it is taken to that function. Names because an inlined function often exists only inlined, with no
 * entry of its own.
 */
export type EdgeKind = 'call' | 'inline' | 'value';

export function eachEdge(
  facts: CodeFacts,
  functionNames: readonly string[],
  visit: (from: string, to: string, kind: EdgeKind) => void,
): void {
  const inline = facts.inline;
  const nameAt = (frame: number, fn: number): string =>
    frame >= 0 && inline ? inline.name[frame]! : functionNames[fn]!;
  const { calls, refs } = facts;
  for (let row = 0; row < calls.count; row++) {
    visit(nameAt(calls.frame[row]!, calls.caller[row]!), functionNames[calls.callee[row]!]!, 'call');
  }
  for (let frame = 0; inline && frame < inline.count; frame++) {
    visit(nameAt(inline.parent[frame]!, inline.outer[frame]!), inline.name[frame]!, 'inline');
  }
  for (let row = 0; row < refs.count; row++) {
    if (refs.callee[row]! < 0) continue;
    visit(nameAt(refs.frame[row]!, refs.caller[row]!), functionNames[refs.callee[row]!]!, 'value');
  }
}
