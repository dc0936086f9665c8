import type { Exe } from '../formats/exe';
import { FormatError, type Diagnostic } from '../io/errors';
import { ByteReader, hex } from '../io/reader';
import { PcRuns, Problems, readInlineRecords, type InlineRecords } from './inline-records';
import { findModuledata, gofuncCandidates } from './moduledata';
import type { Pclntab } from './pclntab';

/**
 * Inline trees (FUNCDATA_InlTree, PCDATA_InlTreeIndex; runtime/symtabinl.go, GO-FORMATS §7), stripped or not.
 * Entries: 1.12-1.19 {parent i16, funcID u8, pad, file i32, line i32, nameOff i32, parentPc i32}; 1.20+ {funcID
 * u8, pad[3], nameOff i32, parentPc i32, startLine i32}, where the parent is the inline index at entry+parentPc.
 * A function's entry count is the highest index its pc table holds, plus one.
 */
export interface InlineTrees {
  /** Frames of the whole binary, flattened: frame f was inlined into function outer[f]. */
  count: number;
  outer: Int32Array;
  /** The frame f was inlined into, or -1 for the outer function. */
  parent: Int32Array;
  name: string[];
  /** Address of the inlined call in the parent's code (entry + parentPc). */
  callPc: Float64Array;
  /** Per function: the frame id of its entry 0, or -1 when it has no inline tree. */
  firstFrame: Int32Array;
  /** Per function: its runs [runStart, runStart + runCount) of (end pc, inline index) in runs. */
  runStart: Int32Array;
  runCount: Int32Array;
  runs: PcRuns;
}

interface InlineLayout {
  size: number;
  nameAt: number;
  parentPcAt: number;
  /** Where the i16 parent index is, or -1 (1.20+ derives it from parentPc). */
  parentAt: number;
}

const LAYOUT_119: InlineLayout = { size: 20, nameAt: 12, parentPcAt: 16, parentAt: 0 };
const LAYOUT_120: InlineLayout = { size: 16, nameAt: 4, parentPcAt: 8, parentAt: -1 };
/** Functions whose trees decide between gofunc candidates. */
const SCORE_SAMPLE = 300;
/** Entries of each sampled tree that are checked. */
const SCORE_ENTRIES = 64;
/** Share of sampled entries that must validate for a gofunc candidate to be taken. */
const SCORE_THRESHOLD = 0.9;
const MAX_INLINE_FRAMES = 8_000_000;
/** The runtime reads a tree as *[1 << 20]inlinedCall: no function has more entries. */
const MAX_TREE_ENTRIES = 1 << 20;

export interface InlineInput {
  exe: Exe;
  file: Uint8Array;
  table: Pclntab;
  textStart: number;
  functions: readonly { entry: number; size: number }[];
  functionAt: (address: number) => number;
}

/** Local inline index at `pc` of function `fn`, or -1 (its own code). */
export function inlineIndexAt(trees: InlineTrees, fn: number, pc: number): number {
  const start = trees.runStart[fn]!;
  const end = start + trees.runCount[fn]!;
  const ends = trees.runs.ends;
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (ends[mid]! <= pc) low = mid + 1;
    else high = mid - 1;
  }
  return low < end ? trees.runs.values[low]! : -1;
}

class NameReader {
  private readonly cache = new Map<number, string>();
  constructor(private readonly table: Pclntab) {}

  /** The name at `offset` in the function-name table, when it starts a name there (the byte before is NUL). */
  at(offset: number): string | null {
    const { reader, funcname, cutab, layout } = this.table;
    const legacy = layout.fields.length === 0;
    const limit = legacy ? reader.length : cutab;
    const at = funcname + offset;
    if (offset < 0 || at >= limit || (!legacy && offset > 0 && reader.u8(at - 1) !== 0)) return null;
    let name = this.cache.get(at);
    if (name === undefined) {
      name = reader.cstring(at);
      this.cache.set(at, name);
    }
    return name.length > 0 ? name : null;
  }
}

interface Context {
  input: InlineInput;
  records: InlineRecords;
  layout: InlineLayout;
  names: NameReader;
  trees: InlineTrees;
  /** Entries still to be read: many records can point at one huge tree, so the work is bounded as a whole. */
  entriesLeft: number;
}

/**
 * One function's entries at `base`, validated; frames are appended only when all hold. Scoring (`commit` false)
 * checks the first `limit` entries.
 */
function readTree(ctx: Context, fn: number, base: number, commit: boolean, limit = MAX_TREE_ENTRIES): number {
  const { input, layout, names, trees } = ctx;
  const address = base + ctx.records.tree[fn]!;
  const offset = input.exe.fileOffsetOf(address);
  const entries = highestIndex(trees, fn) + 1;
  if (entries > MAX_TREE_ENTRIES)
    throw new FormatError(offset, `inline tree of ${entries} entries is larger than Go allows`);
  const count = commit ? entries : Math.min(entries, limit);
  if (count <= 0) return 0;
  ctx.entriesLeft -= count;
  if (ctx.entriesLeft < 0) throw new FormatError(-1, 'the inline trees hold more entries than any binary has');
  const bytes = input.exe.readAt(address, count * layout.size);
  if (!bytes || bytes.length < count * layout.size) {
    throw new FormatError(offset, `inline tree at ${hex(address)} (${count} entries) is not in the file`);
  }
  const reader = new ByteReader(bytes, input.table.reader.littleEndian);
  const { entry, size } = input.functions[fn]!;
  const first = trees.count;
  for (let i = 0; i < count; i++) {
    const at = i * layout.size;
    const name = names.at(reader.i32(at + layout.nameAt));
    const parentPc = reader.i32(at + layout.parentPcAt);
    const where = offset < 0 ? -1 : offset + at;
    if (name === null || parentPc < 0 || parentPc >= size) {
      throw new FormatError(where, `inline entry ${i} of the function at ${hex(entry)} does not hold up`);
    }
    const parent = layout.parentAt >= 0 ? readParent(reader, at) : inlineIndexAt(trees, fn, entry + parentPc);
    // The compiler adds a frame's parent before the frame: any other order would be a loop.
    if (parent >= i) {
      throw new FormatError(where, `inline entry ${i} of the function at ${hex(entry)} is its own ancestor`);
    }
    if (commit) pushFrame(trees, fn, parent < 0 ? -1 : first + parent, name, entry + parentPc);
  }
  if (commit) trees.firstFrame[fn] = first;
  return count;
}

function readParent(reader: ByteReader, at: number): number {
  const raw = reader.u16(at);
  return raw >= 0x8000 ? raw - 0x10000 : raw;
}

function highestIndex(trees: InlineTrees, fn: number): number {
  let highest = -1;
  const start = trees.runStart[fn]!;
  for (let k = start; k < start + trees.runCount[fn]!; k++) highest = Math.max(highest, trees.runs.values[k]!);
  return highest;
}

function pushFrame(trees: InlineTrees, fn: number, parent: number, name: string, callPc: number): void {
  if (trees.count >= MAX_INLINE_FRAMES) throw new FormatError(-1, 'more inlined frames than any binary holds');
  if (trees.count === trees.outer.length) {
    const grow = <T extends Int32Array | Float64Array>(column: T): T => {
      const bigger = new (column.constructor as new (n: number) => T)(column.length * 2);
      bigger.set(column);
      return bigger;
    };
    trees.outer = grow(trees.outer);
    trees.parent = grow(trees.parent);
    trees.callPc = grow(trees.callPc);
  }
  const f = trees.count++;
  trees.outer[f] = fn;
  trees.parent[f] = parent;
  trees.callPc[f] = callPc;
  trees.name.push(name);
}

function emptyTrees(functionCount: number, tableBytes: number): InlineTrees {
  return {
    count: 0,
    outer: new Int32Array(1024),
    parent: new Int32Array(1024),
    name: [],
    callPc: new Float64Array(1024),
    firstFrame: new Int32Array(functionCount).fill(-1),
    runStart: new Int32Array(functionCount),
    runCount: new Int32Array(functionCount),
    runs: new PcRuns(tableBytes),
  };
}

/** Decodes every function's inline-index table; a malformed one costs that function its tree. */
function decodeRuns(ctx: Context, problems: Problems): void {
  const { input, records, trees } = ctx;
  for (let fn = 0; fn < input.functions.length; fn++) {
    const offset = records.indexTable[fn]!;
    if (Number.isNaN(offset) || Number.isNaN(records.tree[fn]!)) continue;
    const before = trees.runs.count;
    try {
      trees.runs.decode(input.table, offset, input.functions[fn]!.entry, input.functions[fn]!.size);
      trees.runStart[fn] = before;
      trees.runCount[fn] = trees.runs.count - before;
    } catch (error) {
      trees.runs.count = before;
      records.tree[fn] = NaN;
      problems.add(error);
    }
  }
}

/** Entries that validate under `base`, over the first functions that have trees. */
function score(ctx: Context, base: number): number {
  let valid = 0;
  let total = 0;
  for (let fn = 0, sampled = 0; fn < ctx.input.functions.length && sampled < SCORE_SAMPLE; fn++) {
    if (Number.isNaN(ctx.records.tree[fn]!) || ctx.trees.runCount[fn] === 0) continue;
    sampled++;
    total += Math.min(highestIndex(ctx.trees, fn) + 1, SCORE_ENTRIES);
    try {
      valid += readTree(ctx, fn, base, false, SCORE_ENTRIES);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
    }
  }
  return total === 0 ? 0 : valid / total;
}

/** 1.18+: the gofunc candidate under which the most entries validate; null when none is convincing. */
function chooseBase(ctx: Context): number | null {
  if (!ctx.records.relative) return 0;
  const { exe, file, table } = ctx.input;
  let best: number | null = null;
  let bestScore = SCORE_THRESHOLD;
  for (const candidate of gofuncCandidates(exe, table, findModuledata(exe, file, table))) {
    const value = score(ctx, candidate);
    if (value > bestScore || (best === null && value >= bestScore)) {
      best = candidate;
      bestScore = value;
    }
    if (value === 1) break;
  }
  return best;
}

/**
 * Every inline tree of the binary. Null when there are none (or the layout has none: before 1.12 the entries
 * differ, and a caller that knows the Go version should not ask); trees that do not validate are diagnostics.
 */
export function readInlineTrees(input: InlineInput, diagnostics: Diagnostic[]): InlineTrees | null {
  const problems = new Problems(diagnostics);
  const { table, textStart, functions, functionAt } = input;
  const { records, failed, firstError } = readInlineRecords(table, textStart, functions.length, functionAt);
  if (firstError) {
    problems.add(firstError);
    problems.count += failed - 1;
  }
  const layout = table.layout.magic === 0xfffffff1 ? LAYOUT_120 : LAYOUT_119;
  const ctx: Context = {
    input,
    records,
    layout,
    names: new NameReader(table),
    trees: emptyTrees(functions.length, table.reader.length),
    entriesLeft: 2 * MAX_INLINE_FRAMES,
  };
  decodeRuns(ctx, problems);
  if (!ctx.records.tree.some((value) => !Number.isNaN(value))) return null;
  const base = chooseBase(ctx);
  if (base === null) {
    diagnostics.push({
      level: 'warning',
      source: 'inline',
      message: 'inline trees are present but no moduledata.gofunc candidate makes them hold up',
    });
    return null;
  }
  for (let fn = 0; fn < functions.length; fn++) {
    if (Number.isNaN(records.tree[fn]!) || ctx.trees.runCount[fn] === 0) continue;
    const first = ctx.trees.count;
    try {
      readTree(ctx, fn, base, true);
    } catch (error) {
      rollBack(ctx.trees, first);
      ctx.trees.runCount[fn] = 0;
      problems.add(error);
    }
  }
  problems.summarize(functions.length);
  return ctx.trees;
}

function rollBack(trees: InlineTrees, count: number): void {
  trees.count = count;
  trees.name.length = count;
}
