import { FormatError, type Diagnostic } from '../io/errors';
import { hex } from '../io/reader';
import type { Pclntab } from './pclntab';

/**
 * The _func tail (GO-FORMATS §2): after the fixed fields come npcdata u32 offsets into pctab, then nfuncdata
 * funcdata references — u32 offsets from moduledata.gofunc from 1.18 (^0 = none), pointer-aligned absolute
 * addresses before (0 = none). This reads, for every function, where its inline tree (FUNCDATA_InlTree = 3) and
 * its pc → inline-index table (PCDATA_InlTreeIndex = 2) are, and decodes the latter into runs of (end pc, index).
 */
export const FUNCDATA_INLTREE = 3;
export const PCDATA_INLTREEINDEX = 2;
const NO_FUNCDATA = 0xffffffff;
/** u32 field 7 of _func (counting from the entry) is npcdata. */
const NPCDATA_FIELD = 7;
/** Steps of one pc-value table: a function cannot change value more often than it has instructions. */
const MAX_RUNS_PER_FUNCTION = 1 << 20;
const MAX_FUNCTION_DIAGNOSTICS = 3;
const MIN_RUN_BUDGET = 1 << 20;

interface RecordLayout {
  /** Bytes of the entry field: u32 offset (1.18+) or a pointer. */
  entryWidth: number;
  /** u32 fields after the entry: 7 (1.2-1.15), 8 with cuOffset (1.16-1.19), 9 with startLine (1.20+). */
  fields: number;
}

function recordLayout(table: Pclntab): RecordLayout {
  if (table.layout.relativeEntries) return { entryWidth: 4, fields: table.layout.magic === 0xfffffff0 ? 8 : 9 };
  return { entryWidth: table.ptrSize, fields: table.layout.fields.length > 0 ? 8 : 7 };
}

/** Per function (by the caller's index): where its inline data is. NaN = none. */
export interface InlineRecords {
  /** funcdata[3]: an offset from gofunc (1.18+) or an absolute address. */
  tree: Float64Array;
  /** pcdata[2]: an offset into the reader. */
  indexTable: Float64Array;
  /** True when `tree` holds offsets from gofunc. */
  relative: boolean;
}

/** One function's record: fills records[fn] from the _func at `record`. */
function readTail(table: Pclntab, layout: RecordLayout, record: number, fn: number, records: InlineRecords): void {
  const { reader, ptrSize } = table;
  const npcdata = reader.u32(record + layout.entryWidth + (NPCDATA_FIELD - 1) * 4);
  const nfuncdata = reader.u8(record + layout.entryWidth + layout.fields * 4 + 3);
  if (npcdata <= PCDATA_INLTREEINDEX || nfuncdata <= FUNCDATA_INLTREE) return;
  const tail = record + layout.entryWidth + layout.fields * 4 + 4;
  const indexOffset = reader.u32(tail + PCDATA_INLTREEINDEX * 4);
  if (indexOffset === 0) return;
  let tree: number;
  if (records.relative) {
    tree = reader.u32(tail + npcdata * 4 + FUNCDATA_INLTREE * 4);
    if (tree === NO_FUNCDATA) return;
  } else {
    let at = tail + npcdata * 4;
    // Pointer-sized funcdata start pointer-aligned; the table itself starts aligned.
    if ((at - table.start) % ptrSize !== 0) at += ptrSize - ((at - table.start) % ptrSize);
    tree = reader.word(at + FUNCDATA_INLTREE * ptrSize, ptrSize);
    if (tree === 0) return;
  }
  records.tree[fn] = tree;
  records.indexTable[fn] = table.pctab + indexOffset;
}

/**
 * Walks functab and reads every _func tail. `functionAt` maps an entry address to the caller's function index (or
 * -1); `textStart` is the base of 1.18+ entry offsets. A malformed record costs its function, counted in `failed`.
 */
export function readInlineRecords(
  table: Pclntab,
  textStart: number,
  functionCount: number,
  functionAt: (entry: number) => number,
): { records: InlineRecords; failed: number; firstError: FormatError | null } {
  const layout = recordLayout(table);
  const records: InlineRecords = {
    tree: new Float64Array(functionCount).fill(NaN),
    indexTable: new Float64Array(functionCount).fill(NaN),
    relative: table.layout.relativeEntries,
  };
  const { reader, functab, funcBase, ptrSize } = table;
  const width = table.layout.relativeEntries ? 4 : ptrSize;
  let failed = 0;
  let firstError: FormatError | null = null;
  for (let slot = 0; slot < table.nfunc; slot++) {
    try {
      const raw = reader.word(functab + 2 * slot * width, width);
      const fn = functionAt(table.layout.relativeEntries ? textStart + raw : raw);
      if (fn < 0) continue;
      readTail(table, layout, funcBase + reader.word(functab + (2 * slot + 1) * width, width), fn, records);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      failed++;
      firstError ??= error;
    }
  }
  return { records, failed, firstError };
}

/** Where the last `uvarint` ended (a module variable, so decoding allocates nothing). */
let varintEnd = 0;

/** An unsigned LEB128 value of at most 5 bytes (pc-value deltas are u32), bounds-checked against `bytes`. */
function uvarint(bytes: Uint8Array, offset: number): number {
  let value = 0;
  let scale = 1;
  for (let at = offset; at < offset + 5; at++) {
    if (at < 0 || at >= bytes.length) throw new FormatError(offset, `varint at ${hex(offset)} runs past the end`);
    const byte = bytes[at]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      varintEnd = at + 1;
      return value;
    }
    scale *= 128;
  }
  throw new FormatError(offset, `varint at ${hex(offset)} is longer than 5 bytes`);
}

/** Runs of one pc-value table, appended to shared columns: run k covers [previous end, ends[k]) with values[k]. */
export class PcRuns {
  count = 0;
  ends = new Float64Array(4096);
  values = new Int32Array(4096);
  /** Each run takes at least two bytes of a table, but many records may share one: the total is bounded. */
  private readonly maxRuns: number;

  constructor(tableBytes: number) {
    this.maxRuns = Math.max(MIN_RUN_BUDGET, 2 * tableBytes);
  }

  private push(end: number, value: number): void {
    if (this.count >= this.maxRuns) throw new FormatError(-1, 'the pc tables hold more steps than the table has bytes');
    if (this.count === this.ends.length) {
      const ends = new Float64Array(this.count * 2);
      ends.set(this.ends);
      const values = new Int32Array(this.count * 2);
      values.set(this.values);
      this.ends = ends;
      this.values = values;
    }
    this.ends[this.count] = end;
    this.values[this.count++] = value;
  }

  /**
   * Decodes the table at `offset` for a function at `entry` of `size` bytes (debug/gosym's step rules: zig-zag
   * value deltas, pc deltas in quanta, a zero value delta after the first pair ends it). Returns the highest value.
   */
  decode(table: Pclntab, offset: number, entry: number, size: number): number {
    const bytes = table.reader.bytes;
    let value = -1;
    let highest = -1;
    let pc = entry;
    let at = offset;
    for (let step = 0; step < MAX_RUNS_PER_FUNCTION; step++) {
      const valueDelta = uvarint(bytes, at) % 0x1_0000_0000;
      at = varintEnd;
      if (valueDelta === 0 && step > 0) return highest;
      value = (value + (valueDelta & 1 ? -Math.floor(valueDelta / 2) - 1 : Math.floor(valueDelta / 2))) | 0;
      pc += (uvarint(bytes, at) % 0x1_0000_0000) * table.minLC;
      at = varintEnd;
      if (pc > entry + size) throw new FormatError(offset, `pc-value table at ${hex(offset)} runs past its function`);
      this.push(pc, value);
      if (value > highest) highest = value;
    }
    throw new FormatError(offset, `pc-value table at ${hex(offset)} does not end`);
  }
}

/** Counts failures and reports the first few, then a summary. */
export class Problems {
  count = 0;
  constructor(private readonly diagnostics: Diagnostic[]) {}

  add(error: unknown): void {
    if (!(error instanceof FormatError)) throw error;
    this.count++;
    if (this.count <= MAX_FUNCTION_DIAGNOSTICS) {
      const diagnostic: Diagnostic = { level: 'warning', source: 'inline', message: error.message };
      if (error.offset >= 0) diagnostic.offset = error.offset;
      this.diagnostics.push(diagnostic);
    }
  }

  summarize(total: number): void {
    if (this.count <= MAX_FUNCTION_DIAGNOSTICS) return;
    this.diagnostics.push({
      level: 'warning',
      source: 'inline',
      message: `the inline data of ${this.count} of ${total} functions could not be read`,
    });
  }
}
