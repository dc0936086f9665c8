import type { Pclntab } from '../go/pclntab';
import { FormatError } from '../io/errors';
import type { Claims } from './claims';

/**
 * The pclntab bytes each function owns (GO-FORMATS §2): its name in funcnametab, its functab slot, its _func
 * record (1.18+ layouts, where the record's size is known: fixed fields, then npcdata and nfuncdata u32 offsets)
 * and the pc-value tables it points at (pcsp, pcfile, pcln and each pcdata table). The header, the file tables and
 * the compilation-unit table belong to no package and stay unattributed.
 */

/** u32 fields of _func, numbered as functions.ts numbers them. */
const FIELD_NAME_OFF = 1;
const FIELD_PCSP = 4;
const FIELD_PCLN = 6;
const FIELD_NPCDATA = 7;
/** The pcdata array of a function stops being plausible past this many entries. */
const MAX_PCDATA = 64;

interface Layout {
  /** Where the u32 fields of a record start relative to the record (fields are numbered from 1). */
  fieldBase: number;
  /** Offset of nfuncdata (u8) and of the pcdata array in a 1.18+ record; null where unknown. */
  nfuncdata: number | null;
  pcdata: number | null;
  slot: number;
}

function layoutOf(table: Pclntab): Layout {
  const relative = table.layout.relativeEntries;
  const fieldBase = (relative ? 4 : table.ptrSize) - 4;
  const slot = 2 * (relative ? 4 : table.ptrSize);
  if (!relative) return { fieldBase, nfuncdata: null, pcdata: null, slot };
  // 1.18-1.19 records have eight u32 fields after the entry (40 bytes); 1.20+ add startLine (44 bytes).
  const recordEnd = table.layout.magic === 0xfffffff0 ? 40 : 44;
  return { fieldBase, nfuncdata: recordEnd - 1, pcdata: recordEnd, slot };
}

/** The length of the pc-value table at `at`: pairs of uvarints, ended by a zero value delta after the first. */
export function pcTableLength(bytes: Uint8Array, at: number, limit: number): number {
  let position = at;
  let first = true;
  while (position < limit) {
    const valueEnd = skipUvarint(bytes, position, limit);
    if (bytes[position] === 0 && !first) return valueEnd - at;
    position = skipUvarint(bytes, valueEnd, limit);
    first = false;
  }
  throw new FormatError(at, 'pc-value table runs past the end of pctab');
}

function skipUvarint(bytes: Uint8Array, at: number, limit: number): number {
  const end = limit < at + 10 ? limit : at + 10;
  for (let position = at; position < end; position++) {
    if (bytes[position]! < 0x80) return position + 1;
  }
  throw new FormatError(at, 'unterminated varint in pctab');
}

/**
 * The pc-value tables already claimed, by offset in pctab: a bitmap over pctab (tables are shared between
 * functions, and a Set of tens of thousands of numbers costs more), a Set for offsets outside it.
 */
class SeenTables {
  private readonly inside: Uint8Array;
  private readonly outside = new Set<number>();

  constructor(size: number) {
    this.inside = new Uint8Array(Math.max(0, size));
  }

  /** True the first time an offset is offered. */
  first(offset: number): boolean {
    if (offset < this.inside.length) {
      if (this.inside[offset] === 1) return false;
      this.inside[offset] = 1;
      return true;
    }
    if (this.outside.has(offset)) return false;
    this.outside.add(offset);
    return true;
  }
}

interface Context {
  table: Pclntab;
  layout: Layout;
  /** Reader index of pclntab -> file offset. */
  toFile: number;
  seenTables: SeenTables;
  claims: Claims;
  /** The function names read from the table in slot order, when every record was read; else null. */
  names: readonly { name: string }[] | null;
}

function claimName(context: Context, offset: number, owner: number): void {
  const { table } = context;
  const bytes = table.reader.bytes;
  const start = table.funcname + offset;
  let end = start;
  while (end < table.cutab && bytes[end] !== 0) end++;
  context.claims.add(start + context.toFile, end + 1 + context.toFile, owner);
}

function claimPcTable(context: Context, offset: number, owner: number): void {
  if (offset === 0 || !context.seenTables.first(offset)) return;
  const { table } = context;
  const start = table.pctab + offset;
  const length = pcTableLength(table.reader.bytes, start, table.functab);
  context.claims.add(start + context.toFile, start + length + context.toFile, owner);
}

function claimRecord(context: Context, slot: number, owner: (name: string) => number): void {
  const { table, layout, toFile, claims } = context;
  const { reader } = table;
  const width = layout.slot / 2;
  const record = table.funcBase + reader.word(table.functab + slot * layout.slot + width, width);
  const field = (k: number): number => reader.u32(record + layout.fieldBase + 4 * k);
  // The name was read already with the function list; read it again only when that list has gaps.
  const name = context.names?.[slot]?.name ?? reader.cstring(table.funcname + field(FIELD_NAME_OFF));
  const who = owner(name);
  claims.add(table.functab + slot * layout.slot + toFile, table.functab + (slot + 1) * layout.slot + toFile, who);
  claimName(context, field(FIELD_NAME_OFF), who);
  for (let k = FIELD_PCSP; k <= FIELD_PCLN; k++) claimPcTable(context, field(k), who);
  if (layout.pcdata === null || layout.nfuncdata === null) return;
  const npcdata = Math.min(field(FIELD_NPCDATA), MAX_PCDATA);
  const nfuncdata = reader.u8(record + layout.nfuncdata);
  for (let k = 0; k < npcdata; k++) claimPcTable(context, reader.u32(record + layout.pcdata + 4 * k), who);
  claims.add(record + toFile, record + layout.pcdata + 4 * (npcdata + nfuncdata) + toFile, who);
}

/**
 * Claims the pclntab bytes of every function for the package `owner` returns for its name. Needs a table read
 * from the file (fileOffset known) with the 1.16+ sub-tables; older tables claim nothing. `functions` is the
 * table's function list as the Go reader read it (slot order). Returns the number of records that could not be
 * read.
 */
export function claimPclntab(
  table: Pclntab,
  owner: (name: string) => number,
  claims: Claims,
  functions: readonly { name: string }[] = [],
): number {
  if (table.fileOffset < 0 || table.layout.fields.length === 0) return 0;
  const context: Context = {
    table,
    layout: layoutOf(table),
    toFile: table.fileOffset - table.start,
    seenTables: new SeenTables(table.functab - table.pctab),
    claims,
    names: functions.length === table.nfunc ? functions : null,
  };
  let failures = 0;
  for (let slot = 0; slot < table.nfunc; slot++) {
    try {
      claimRecord(context, slot, owner);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      failures++;
    }
  }
  return failures;
}
