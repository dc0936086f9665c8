import type { Exe } from '../formats/exe';
import { diagnosticFrom, FormatError, type Diagnostic } from '../io/errors';
import { MAX_FILES, MAX_FUNCS } from '../io/limits';
import { ByteReader, hex } from '../io/reader';
import {
  addressOfFileOffset,
  fileRegion,
  mappedRegion,
  namedSectionRegion,
  regionReader,
  sectionRegion,
  type Region,
} from './regions';
import { eachMatchOf } from './search';

/**
 * The pclntab header, one layout per magic (GO-FORMATS §2). A table found by section name must validate or it is
 * a FormatError; a magic found by scanning counts only when its header validates, so a version band is never
 * claimed from four stray bytes.
 */
export type HeaderField = 'nfiles' | 'textStart' | 'funcname' | 'cutab' | 'filetab' | 'pctab' | 'functab';

export interface PclntabLayout {
  magic: number;
  /** Go releases that write this magic, as a range string. */
  goVersions: string;
  /** Pointer-sized header words after nfunc, in order; empty for the 1.2 layout, which has only nfunc. */
  fields: readonly HeaderField[];
  /** 1.18+: functab holds u32 offsets from the text start; before: pointer-sized absolute PCs. */
  relativeEntries: boolean;
}

const OFFSETS_116: readonly HeaderField[] = ['nfiles', 'funcname', 'cutab', 'filetab', 'pctab', 'functab'];
const OFFSETS_118: readonly HeaderField[] = ['nfiles', 'textStart', 'funcname', 'cutab', 'filetab', 'pctab', 'functab'];

export const PCLNTAB_LAYOUTS: readonly PclntabLayout[] = [
  { magic: 0xfffffffb, goVersions: '1.2-1.15', fields: [], relativeEntries: false },
  { magic: 0xfffffffa, goVersions: '1.16-1.17', fields: OFFSETS_116, relativeEntries: false },
  { magic: 0xfffffff0, goVersions: '1.18-1.19', fields: OFFSETS_118, relativeEntries: true },
  { magic: 0xfffffff1, goVersions: '1.20+', fields: OFFSETS_118, relativeEntries: true },
];

export const PCLNTAB_SECTION_NAMES = ['.gopclntab', '.data.rel.ro.gopclntab', '__gopclntab'];
const MIN_LC_VALUES = [1, 2, 4];
/** Entries checked for order when validating a scanned hit; the full read checks every one. */
const VALIDATE_ENTRIES = 64;

/** A located, validated pclntab. All offsets index `reader` (file offsets when the table is a view of the file). */
export interface Pclntab {
  layout: PclntabLayout;
  reader: ByteReader;
  /** Start of the table in `reader`; offsets inside the 1.2 layout are relative to it. */
  start: number;
  /** File offset of the table, -1 when unknown. */
  fileOffset: number;
  /** Virtual address of the table, when known (moduledata points at it). */
  address: number | null;
  minLC: number;
  ptrSize: 4 | 8;
  nfunc: number;
  /** Source files in the table (nfiles; for 1.2, the file table's entries). */
  nfiles: number;
  /** Header textStart (1.18+), 0 when absent or zero (Go 1.26 writes 0). */
  textStart: number;
  funcname: number;
  cutab: number;
  filetab: number;
  pctab: number;
  functab: number;
  /** What _func offsets in functab are relative to: functab (1.16+) or the table start (1.2). */
  funcBase: number;
}

export function layoutOf(magic: number): PclntabLayout | undefined {
  return PCLNTAB_LAYOUTS.find((layout) => layout.magic === magic);
}

/** Bytes of one functab: n entries and the end entry (GO-FORMATS §2 "functab"). */
function functabSize(table: Pick<Pclntab, 'layout' | 'ptrSize' | 'nfunc'>): number {
  const entry = table.layout.relativeEntries ? 4 : table.ptrSize;
  return (2 * table.nfunc + 1) * entry;
}

/** Where the sub-tables start, as offsets into the reader. */
type TableOffsets = Pick<
  Pclntab,
  'funcname' | 'cutab' | 'filetab' | 'pctab' | 'functab' | 'funcBase' | 'nfiles' | 'textStart'
>;
type ParsedTable = Omit<Pclntab, 'fileOffset' | 'address'>;

/** 1.16+: pointer-sized header words after nfunc, each offset relative to the table start. */
function headerOffsets(reader: ByteReader, start: number, layout: PclntabLayout, ptrSize: 4 | 8): TableOffsets {
  const words = new Map<HeaderField, number>();
  layout.fields.forEach((field, i) => words.set(field, reader.word(start + 8 + (i + 1) * ptrSize, ptrSize)));
  const at = (field: HeaderField): number => start + words.get(field)!;
  return {
    funcname: at('funcname'),
    cutab: at('cutab'),
    filetab: at('filetab'),
    pctab: at('pctab'),
    functab: at('functab'),
    funcBase: at('functab'),
    nfiles: words.get('nfiles')!,
    textStart: words.get('textStart') ?? 0,
  };
}

/** 1.2 layout: functab right after the header, names and pc tables addressed from the table start. */
function legacyOffsets(reader: ByteReader, start: number, ptrSize: 4 | 8, nfunc: number): TableOffsets {
  const functab = start + 8 + ptrSize;
  const filetab = start + reader.u32(functab + (2 * nfunc + 1) * ptrSize);
  // The file table's first word counts its entries including the unused slot 0.
  const nfiles = Math.max(0, reader.u32(filetab) - 1);
  return { functab, funcBase: start, funcname: start, pctab: start, cutab: start, filetab, nfiles, textStart: 0 };
}

/** Reads the header at `start`; throws FormatError when it does not hold up (GO-FORMATS "Validating"). */
export function parsePclntab(reader: ByteReader, start: number, end: number): ParsedTable {
  const magicLE = reader.withEndian(true).u32(start);
  const littleEndian = layoutOf(magicLE) !== undefined;
  const table = reader.withEndian(littleEndian);
  const layout = layoutOf(table.u32(start));
  if (!layout) throw new FormatError(start, `unknown pclntab magic ${hex(magicLE)} at ${hex(start)}`);
  const minLC = table.u8(start + 6);
  const ptrSize = table.u8(start + 7);
  if (
    table.u8(start + 4) !== 0 ||
    table.u8(start + 5) !== 0 ||
    !MIN_LC_VALUES.includes(minLC) ||
    (ptrSize !== 4 && ptrSize !== 8)
  ) {
    throw new FormatError(start, `pclntab header at ${hex(start)} has bad padding, quantum or pointer size`);
  }
  const nfunc = table.word(start + 8, ptrSize);
  if (nfunc === 0 || nfunc > MAX_FUNCS)
    throw new FormatError(start + 8, `pclntab function count ${nfunc} is out of range`);
  const offsets =
    layout.fields.length === 0
      ? legacyOffsets(table, start, ptrSize, nfunc)
      : headerOffsets(table, start, layout, ptrSize);
  const parsed: ParsedTable = { layout, reader: table, start, minLC, ptrSize, nfunc, ...offsets };
  checkOffsets(parsed, end);
  return parsed;
}

function checkOffsets(table: ParsedTable, end: number): void {
  const { start, funcname, cutab, filetab, pctab, functab } = table;
  // The linker writes the sub-tables in this order and panics otherwise; the 1.2 layout has only the file table.
  const ordered =
    table.layout.fields.length === 0 ? [start, filetab] : [start, funcname, cutab, filetab, pctab, functab];
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]! <= ordered[i - 1]! || ordered[i]! >= end) {
      throw new FormatError(start, `pclntab table offsets at ${hex(start)} are out of order or out of bounds`);
    }
  }
  if (table.nfiles > MAX_FILES) throw new FormatError(start, `pclntab file count ${table.nfiles} is out of range`);
  if (functab + functabSize(table) > end) {
    throw new FormatError(functab, `pclntab function table for ${table.nfunc} functions runs past the table end`);
  }
  checkFirstEntries(table);
}

/** Entries ascend and the first _func points back at the first entry (GO-FORMATS "Further checks"). */
function checkFirstEntries(table: ParsedTable): void {
  const { reader, functab, ptrSize, layout } = table;
  const width = layout.relativeEntries ? 4 : ptrSize;
  const entryAt = (i: number): number => reader.word(functab + 2 * i * width, width);
  const count = Math.min(table.nfunc, VALIDATE_ENTRIES);
  for (let i = 1; i <= count; i++) {
    if (entryAt(i) < entryAt(i - 1))
      throw new FormatError(functab, `pclntab entries at ${hex(functab)} are not sorted`);
  }
  const funcOffset = table.funcBase + reader.word(functab + width, width);
  if (reader.word(funcOffset, width) !== entryAt(0)) {
    throw new FormatError(funcOffset, `pclntab first function record at ${hex(funcOffset)} does not match its entry`);
  }
}

function tableFrom(region: Region, at: number, file: Uint8Array, exe: Exe | null): Pclntab {
  const { reader, base } = regionReader(region, file);
  const parsed = parsePclntab(reader, base + at, base + region.data.length);
  const fileOffset = region.fileOffset < 0 ? -1 : region.fileOffset + at;
  const address = region.address !== null ? region.address + at : addressOfFileOffset(exe, fileOffset);
  return { ...parsed, fileOffset, address };
}

/** PE keeps pclntab inside .rdata; its symbols (when not stripped) say where. */
function symbolRegion(exe: Exe | null, file: Uint8Array): Region | null {
  if (!exe) return null;
  const start = exe.symbols.find((s) => s.name === 'runtime.pclntab' && !s.dynamic);
  if (!start || start.address === 0) return null;
  const end = exe.symbols.find((s) => s.name === 'runtime.epclntab' && !s.dynamic);
  const size = end && end.address > start.address ? end.address - start.address : Number.MAX_SAFE_INTEGER;
  return mappedRegion(exe, 'runtime.pclntab', start.address, size, file);
}

/** Per layout: magic + two zero bytes in both byte orders (both anchor on the magic's low byte). */
const MAGIC_NEEDLES = PCLNTAB_LAYOUTS.map((layout) =>
  [true, false].map((littleEndian) => {
    const needle = new Uint8Array(6);
    new DataView(needle.buffer).setUint32(0, layout.magic, littleEndian);
    return needle;
  }),
);

/** Quantum and pointer size, checked before a full parse: code is full of magic-like immediates. */
function plausibleHeader(data: Uint8Array, at: number): boolean {
  const ptrSize = data[at + 7];
  return MIN_LC_VALUES.includes(data[at + 6] ?? 0) && (ptrSize === 4 || ptrSize === 8);
}

/** 4-aligned hits, one pass per layout: the earliest hit whose header validates. */
function scanRegion(region: Region, file: Uint8Array, exe: Exe | null): Pclntab | null {
  const found: { at: number; table: Pclntab }[] = [];
  for (const needles of MAGIC_NEEDLES) {
    eachMatchOf(region.data, needles, 4, (at) => {
      if (found.some((hit) => hit.at <= at)) return true;
      if (!plausibleHeader(region.data, at)) return false;
      try {
        found.push({ at, table: tableFrom(region, at, file, exe) });
        return true;
      } catch (error) {
        if (error instanceof FormatError) return false;
        throw error;
      }
    });
  }
  found.sort((a, b) => a.at - b.at);
  return found[0]?.table ?? null;
}

/**
 * Non-code, non-debug sections with bytes: where a pclntab sits when its section has another name (PE .rdata,
 * merged relro sections). The whole file only when there are no sections to go by (stripped section headers).
 */
function scanRegions(exe: Exe | null, file: Uint8Array): Region[] {
  const regions: Region[] = [];
  for (const section of exe?.sections ?? []) {
    if (section.kind !== 'rodata' && section.kind !== 'data' && section.kind !== 'other') continue;
    const region = sectionRegion(exe!, section, file);
    if (region) regions.push(region);
  }
  return regions.length > 0 ? regions : [fileRegion(file)];
}

/**
 * Finds the pclntab: by section name, then (PE) by symbol, then by a validated magic scan of the data sections and
 * finally of the whole file. A named table that fails validation is reported and the scan goes on.
 */
export function findPclntab(exe: Exe | null, file: Uint8Array, diagnostics: Diagnostic[] = []): Pclntab | null {
  const named = namedSectionRegion(exe, PCLNTAB_SECTION_NAMES, file);
  const bySymbol = symbolRegion(exe, file);
  // ELF keeps runtime.pclntab too: the same table need not fail twice.
  const sameTable = named && bySymbol && named.data.byteOffset === bySymbol.data.byteOffset;
  for (const region of sameTable ? [named] : [named, bySymbol]) {
    if (!region) continue;
    try {
      return tableFrom(region, 0, file, exe);
    } catch (error) {
      diagnostics.push(diagnosticFrom('pclntab', error));
    }
  }
  for (const region of scanRegions(exe, file)) {
    const table = scanRegion(region, file, exe);
    if (table) return table;
  }
  return null;
}
