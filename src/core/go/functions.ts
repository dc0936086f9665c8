import { diagnosticFrom, FormatError, type Diagnostic } from '../io/errors';
import { MAX_STRING_LEN } from '../io/limits';
import { ByteReader, decodeLatin1, decodeUtf8, hex } from '../io/reader';
import type { Pclntab } from './pclntab';

/**
 * Functions of a located pclntab: name, entry, size and the source file of the entry PC (GO-FORMATS §2 functab,
 * _func, pc-value table, File). Sizes come from the next entry, as Go's debug/gosym computes them.
 */
export interface TableFunction {
  name: string;
  entry: number;
  size: number;
  file: string | null;
}

/** u32 fields of _func, numbered as in GO-FORMATS (field k sits at sz0 + (k-1)*4). */
const FIELD_NAME_OFF = 1;
const FIELD_PCFILE = 5;
const FIELD_CU_OFFSET = 8;
/** The file lookup stops at the first pc step past the entry: real tables need one step. */
const MAX_PCVALUE_STEPS = 16;
/**
 * Bytes all name and file-name reads of one table may scan. Real tables scan about their name-table size; a
 * hostile one whose records point at distinct offsets inside a long NUL-free run would otherwise cost
 * functions × MAX_STRING_LEN.
 */
const MIN_STRING_BUDGET = 64 * 1024 * 1024;
const SHORT_STRING = 256;
const NO_FILE = 0xffffffff;
/** Failures listed one by one before they are summarised. */
const MAX_FUNCTION_DIAGNOSTICS = 5;

/** Reads one pc-value table until the pc passes `target` (debug/gosym's step rules); -1 when it has no value. */
export function pcValueAt(table: Pclntab, offset: number, entry: number, target: number): number {
  const { reader } = table;
  let value = -1;
  let pc = entry;
  let at = offset;
  for (let step = 0; step < MAX_PCVALUE_STEPS; step++) {
    const delta = reader.uvarint(at);
    const valueDelta = delta.value % 0x1_0000_0000;
    if (valueDelta === 0 && step > 0) return -1;
    // Zig-zag: odd values are negative. The running value is an int32, wrapping as Go's does.
    const change = valueDelta & 1 ? -Math.floor(valueDelta / 2) - 1 : Math.floor(valueDelta / 2);
    value = (value + change) | 0;
    const pcDelta = reader.uvarint(delta.next);
    pc += (pcDelta.value % 0x1_0000_0000) * table.minLC;
    at = pcDelta.next;
    if (target < pc) return value;
  }
  throw new FormatError(offset, `pc-value table at ${hex(offset)} does not end`);
}

/** NUL-terminated strings of one table, with a shared scanning budget; plain ASCII skips the UTF-8 decoder. */
class TableStrings {
  private budget: number;

  constructor(private readonly reader: ByteReader) {
    this.budget = Math.max(MIN_STRING_BUDGET, 4 * reader.length);
  }

  at(offset: number): string {
    const bytes = this.reader.bytes;
    this.reader.check(offset, 1, 'string');
    const limit = Math.min(bytes.length, offset + MAX_STRING_LEN);
    let end = offset;
    let ascii = true;
    while (end < limit && bytes[end] !== 0) {
      if (bytes[end]! > 0x7f) ascii = false;
      end++;
    }
    this.budget -= end - offset + 1;
    if (this.budget < 0) throw new FormatError(offset, 'string reads exceed what the table could hold');
    if (end >= limit) throw new FormatError(offset, `unterminated string at ${hex(offset)}`);
    const raw = bytes.subarray(offset, end);
    if (!ascii) return decodeUtf8(raw);
    // fromCharCode takes numbers; a Uint8Array of ASCII serves as its argument list.
    return raw.length <= SHORT_STRING ? String.fromCharCode.apply(null, raw as unknown as number[]) : decodeLatin1(raw);
  }
}

/** Resolves file numbers to names once per distinct file-table offset. */
class FileNames {
  private readonly cache = new Map<number, string | null>();

  constructor(
    private readonly table: Pclntab,
    private readonly strings: TableStrings,
  ) {}

  /** File number `fno` of a function whose compilation unit starts at `cuOffset` (1.16+), or of the 1.2 table. */
  lookup(fno: number, cuOffset: number): string | null {
    const { reader, layout } = this.table;
    if (layout.fields.length === 0) {
      if (fno <= 0) return null;
      if (fno > this.table.nfiles) throw new FormatError(this.table.filetab, `file number ${fno} is out of range`);
      return this.name(this.table.start, reader.u32(this.table.filetab + 4 * fno));
    }
    if (fno < 0) return null;
    const nameOffset = reader.u32(this.table.cutab + (cuOffset + fno) * 4);
    return nameOffset === NO_FILE ? null : this.name(this.table.filetab, nameOffset);
  }

  private name(base: number, offset: number): string {
    const key = base + offset;
    let name = this.cache.get(key);
    if (name === undefined) {
      name = this.strings.at(key);
      this.cache.set(key, name);
    }
    return name!;
  }
}

interface FunctabAccess {
  entry(i: number): number;
  record(i: number): number;
}

/** Entry PCs and _func offsets of functab slot i, for both layouts (offsets from text, or absolute PCs). */
function functabAccess(table: Pclntab, textStart: number): FunctabAccess {
  const { reader, functab, funcBase, ptrSize } = table;
  if (table.layout.relativeEntries) {
    return {
      entry: (i) => textStart + reader.u32(functab + 8 * i),
      record: (i) => funcBase + reader.u32(functab + 8 * i + 4),
    };
  }
  return {
    entry: (i) => reader.word(functab + 2 * i * ptrSize, ptrSize),
    record: (i) => funcBase + reader.word(functab + (2 * i + 1) * ptrSize, ptrSize),
  };
}

interface Readers {
  slots: FunctabAccess;
  strings: TableStrings;
  files: FileNames;
}

function readFunction(table: Pclntab, { slots, strings, files }: Readers, i: number): TableFunction {
  const { reader } = table;
  const entry = slots.entry(i);
  const end = slots.entry(i + 1);
  if (end < entry) throw new FormatError(table.functab, `function ${i} ends before it starts`);
  const record = slots.record(i);
  // _func starts with the entry: a pointer before 1.18, a u32 offset from then on.
  const fieldBase = record + (table.layout.relativeEntries ? 4 : table.ptrSize) - 4;
  const field = (k: number): number => reader.u32(fieldBase + 4 * k);
  const name = strings.at(table.funcname + field(FIELD_NAME_OFF));
  const pcfile = field(FIELD_PCFILE);
  const hasCu = table.layout.fields.length > 0;
  const fno = pcfile === 0 ? -1 : pcValueAt(table, table.pctab + pcfile, entry, entry);
  const file = files.lookup(fno, hasCu ? field(FIELD_CU_OFFSET) : 0);
  return { name, entry, size: end - entry, file };
}

/**
 * Every function of the table. A function whose record is malformed is skipped and reported, so one bad record
 * costs one function, not the list; `textStart` is the base of 1.18+ entry offsets (see textstart.ts).
 */
export function readFunctions(table: Pclntab, textStart: number, diagnostics: Diagnostic[] = []): TableFunction[] {
  const strings = new TableStrings(table.reader);
  const readers: Readers = { slots: functabAccess(table, textStart), strings, files: new FileNames(table, strings) };
  const functions: TableFunction[] = [];
  let failures = 0;
  for (let i = 0; i < table.nfunc; i++) {
    try {
      functions.push(readFunction(table, readers, i));
    } catch (error) {
      failures++;
      if (failures <= MAX_FUNCTION_DIAGNOSTICS) diagnostics.push(diagnosticFrom('pclntab', error, 'warning'));
    }
  }
  if (failures > MAX_FUNCTION_DIAGNOSTICS) {
    diagnostics.push({
      level: 'warning',
      source: 'pclntab',
      offset: table.functab,
      message: `${failures} of ${table.nfunc} function records could not be read`,
    });
  }
  return functions;
}
