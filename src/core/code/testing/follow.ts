import { parseExecutable } from '../../formats/detect';
import type { Exe } from '../../formats/exe';
import { analyzeGo } from '../../go/index';
import type { TableFunction } from '../../go/functions';
import { followCode, type CodeFacts } from '../index';

/** One fixture through the Go reader and the pass over its code, as analyze() runs them. */
export interface Followed {
  exe: Exe;
  functions: TableFunction[];
  code: CodeFacts;
}

export function follow(bytes: Uint8Array): Followed {
  const exe = parseExecutable(bytes)!.exes[0]!;
  const go = analyzeGo(exe, bytes);
  const functions = go.tableFunctions!;
  return { exe, functions, code: followCode(exe, go.pclntab!, functions, bytes) };
}

/** Call sites as pc -> callee entry. */
export function callMap({ code, functions }: Followed): Map<number, number> {
  const calls = new Map<number, number>();
  for (let row = 0; row < code.calls.count; row++) {
    calls.set(code.calls.pc[row]!, functions[code.calls.callee[row]!]!.entry);
  }
  return calls;
}

/** A TSV of hex columns, as build-code.sh writes them. */
export function hexRows(text: string): number[][] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t').map((cell) => parseInt(cell, 16)));
}
