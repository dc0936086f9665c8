import type { Exe } from '../formats/exe';
import { guarded, type Diagnostic } from '../io/errors';
import type { Pclntab } from '../go/pclntab';
import { scanArm, scanArm64 } from './arm';
import { CallColumns, RefColumns, ACCESS_ADDRESS } from './columns';
import { attribute, inlineFrames, readFrames } from './frames';
import { CodeSpace } from './space';
import type { CodeFacts, DataRefs } from './types';
import { codeViews, type CodeSink, type FunctionWalk } from './walk';
import { scanX86 } from './x86';

export type { CallSites, CodeFacts, DataRefs, InlineFrames } from './types';
export { ACCESS_ADDRESS, ACCESS_VALUE } from './columns';
export { eachEdge, type EdgeKind } from './edges';

/** A function of the pclntab as the pass needs it; indexes into the caller's list are the function ids. */
export interface CodeFunction {
  name: string;
  entry: number;
  size: number;
}

type Scanner = (code: Uint8Array, walk: FunctionWalk, sink: CodeSink) => void;

/** Decoders by `Exe.arch`; anything else gets a diagnostic and empty columns. */
const SCANNERS: Record<string, Scanner> = {
  x86_64: (code, walk, sink) => scanX86(code, walk, sink, true),
  i386: (code, walk, sink) => scanX86(code, walk, sink, false),
  arm64: scanArm64,
  arm: scanArm,
};

/** Marks references that lead to a function: straight to an entry, or through a funcval. */
function functionTargets(
  refs: RefColumns,
  space: CodeSpace,
  ptrSize: 4 | 8,
): { isFunction: Uint8Array; callee: Int32Array } {
  const isFunction = new Uint8Array(refs.count);
  const callee = new Int32Array(refs.count).fill(-1);
  for (let row = 0; row < refs.count; row++) {
    const target = refs.target[row]!;
    let fn = space.functionAt(target);
    if (fn < 0 && refs.access[row] === ACCESS_ADDRESS) fn = space.funcvalAt(target, ptrSize);
    if (fn >= 0) {
      isFunction[row] = 1;
      callee[row] = fn;
    }
  }
  return { isFunction, callee };
}

function emptyFacts(arch: string | null, diagnostics: Diagnostic[]): CodeFacts {
  const refs: DataRefs = new RefColumns().finish(new Uint8Array(0), new Int32Array(0));
  return { arch, calls: new CallColumns().finish(), refs, inline: null, codeBytes: 0, diagnostics };
}

/**
 * One pass over the code of every pclntab function: direct calls to function entries and references to data
 * (GO-FORMATS §7). `functions` are the pclntab's functions in report order; their indexes are the ids in the
 * columns. `table` and `file` serve the inline-tree reader; `goVersion`, when known, keeps it off releases whose
 * inline entries it does not know.
 */
export function followCode(
  exe: Exe,
  table: Pclntab | null,
  functions: readonly CodeFunction[],
  file: Uint8Array,
  goVersion: string | null = null,
): CodeFacts {
  const diagnostics: Diagnostic[] = [];
  const space = new CodeSpace(
    functions.map((f) => f.entry),
    exe,
  );
  const scan = SCANNERS[exe.arch];
  const facts = scan ? scanCode(exe, functions, space, scan, diagnostics) : emptyFacts(null, diagnostics);
  if (!scan) {
    diagnostics.push({ level: 'info', source: 'code', message: `following the code is not supported on ${exe.arch}` });
  }
  // Inline trees do not depend on the instruction set: they are read on every architecture.
  const trees =
    table && hasInlineLayout(goVersion, diagnostics)
      ? guarded('inline', diagnostics, () => readFrames(exe, file, table, functions, space, diagnostics), null)
      : null;
  if (trees) {
    const { calls, refs } = facts;
    attribute(trees, calls.count, calls.pc, calls.caller, calls.frame);
    attribute(trees, refs.count, refs.pc, refs.caller, refs.frame);
    facts.inline = inlineFrames(trees);
  }
  return facts;
}

/** Releases before 1.12 wrote other inline entries (no parentPc, no funcID); their trees are not read. */
const FIRST_INLINE_LAYOUT = { major: 1, minor: 12 };

function hasInlineLayout(goVersion: string | null, diagnostics: Diagnostic[]): boolean {
  const match = /^go(\d+)\.(\d+)/.exec(goVersion ?? '');
  if (!match) return true;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > FIRST_INLINE_LAYOUT.major || minor >= FIRST_INLINE_LAYOUT.minor) return true;
  diagnostics.push({
    level: 'info',
    source: 'inline',
    message: `inline trees of ${goVersion} are not read (Go 1.12+)`,
  });
  return false;
}

function scanCode(
  exe: Exe,
  functions: readonly CodeFunction[],
  space: CodeSpace,
  scan: Scanner,
  diagnostics: Diagnostic[],
): CodeFacts {
  const sink: CodeSink = { space, calls: new CallColumns(), refs: new RefColumns() };
  const { views, outside } = codeViews(exe, functions);
  let codeBytes = 0;
  for (const view of views) {
    scan(view.bytes, view.walk, sink);
    for (let k = 0; k < view.walk.count; k++) codeBytes += view.walk.ends[k]! - view.walk.starts[k]!;
  }
  if (outside > 0) {
    diagnostics.push({
      level: 'warning',
      source: 'code',
      message: `${outside} of ${functions.length} functions lie outside the code sections and were not followed`,
    });
  }
  const { isFunction, callee } = functionTargets(sink.refs, space, exe.bits === 64 ? 8 : 4);
  const calls = sink.calls.finish();
  const refs = sink.refs.finish(isFunction, callee);
  return { arch: exe.arch, calls, refs, inline: null, codeBytes, diagnostics };
}
