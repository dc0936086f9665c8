import type { Exe } from '../formats/exe';
import { FormatError } from '../io/errors';
import { ByteReader } from '../io/reader';
import type { Pclntab } from './pclntab';
import { namedSectionRegion, sectionRegion, type Region } from './regions';
import { eachMatch } from './search';
import { MODULE_SECTION_NAMES } from './textstart';

/**
 * The linker's moduledata (runtime/symtab.go, cmd/link/internal/ld/symtab.go): found through the
 * runtime.firstmoduledata symbol, or, stripped, as the pointer-aligned words that point at this pclntab and at its
 * sub-tables (GO-FORMATS §3, §7). Go 1.26 moved it to .go.module / __go_module.
 */
export interface Moduledata {
  /** Virtual address of the structure. */
  address: number;
  ptrSize: 4 | 8;
  /** Pointer-sized word i of the structure, or null when it lies past the bytes that could be read. */
  word(index: number): number | null;
}

/** Words 0-16: the pcHeader pointer, then slices {ptr,len,cap} funcnametab, cutab, filetab, pctab, pclntable, ftab. */
const WORD_FUNCNAME = 1;
const WORD_CUTAB = 4;
const WORD_FILETAB = 7;
const WORD_PCTAB = 10;
const WORD_FTAB = 16;
/** Words read past the start: enough for every field the gofunc table below names, with room to score others. */
export const MODULEDATA_WORDS = 64;

/**
 * Where `gofunc` (the base of 1.18+ funcdata offsets) sits, in pointer-sized words from the start, per pclntab
 * layout and Go release (64-bit byte offsets 304, 320, 344 in GO-FORMATS §7; every field before it is a pointer or
 * a slice of three, so the word index is the same on 32-bit). These are first guesses: candidates are scored by
 * how many inline-tree entries validate.
 */
export const GOFUNC_WORDS: readonly { goVersions: string; magic: number; word: number }[] = [
  { goVersions: '1.18-1.19', magic: 0xfffffff0, word: 38 },
  { goVersions: '1.20-1.26', magic: 0xfffffff1, word: 40 },
  { goVersions: '1.27', magic: 0xfffffff1, word: 43 },
];
/** Words tried when the table's guesses do not validate (moduledata changes shape from release to release). */
const GOFUNC_SEARCH = { first: 30, last: 52 };

function wordReader(bytes: Uint8Array, at: number, ptrSize: 4 | 8, littleEndian: boolean): Moduledata['word'] {
  const reader = new ByteReader(bytes, littleEndian);
  return (index) => {
    const offset = at + index * ptrSize;
    return reader.has(offset, ptrSize) ? reader.word(offset, ptrSize) : null;
  };
}

function fromSymbol(exe: Exe, table: Pclntab): Moduledata | null {
  const symbol = exe.symbols.find((s) => s.name === 'runtime.firstmoduledata' && !s.dynamic && s.address !== 0);
  if (!symbol) return null;
  const bytes = exe.readAt(symbol.address, MODULEDATA_WORDS * table.ptrSize);
  if (!bytes) return null;
  return {
    address: symbol.address,
    ptrSize: table.ptrSize,
    word: wordReader(bytes, 0, table.ptrSize, table.reader.littleEndian),
  };
}

/** True when the words at `at` point at this table's sub-tables, as moduledata's do. */
function pointsAtTable(word: Moduledata['word'], table: Pclntab, tableAddress: number): boolean {
  const pointsAt = (index: number, offset: number): boolean => word(index) === tableAddress + (offset - table.start);
  return (
    pointsAt(WORD_FUNCNAME, table.funcname) &&
    pointsAt(WORD_CUTAB, table.cutab) &&
    pointsAt(WORD_FILETAB, table.filetab) &&
    pointsAt(WORD_PCTAB, table.pctab) &&
    pointsAt(WORD_FTAB, table.functab) &&
    word(WORD_FTAB + 1) === table.nfunc + 1
  );
}

function searchRegion(region: Region, table: Pclntab, tableAddress: number): Moduledata | null {
  if (region.address === null) return null;
  const needle = new Uint8Array(table.ptrSize);
  const view = new DataView(needle.buffer);
  const littleEndian = table.reader.littleEndian;
  if (table.ptrSize === 8) view.setBigUint64(0, BigInt(tableAddress), littleEndian);
  else view.setUint32(0, tableAddress, littleEndian);
  let found: Moduledata | null = null;
  eachMatch(region.data, needle, table.ptrSize, (at) => {
    const word = wordReader(region.data, at, table.ptrSize, littleEndian);
    try {
      if (pointsAtTable(word, table, tableAddress)) {
        found = { address: region.address! + at, ptrSize: table.ptrSize, word };
      }
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
    }
    return found !== null;
  });
  return found;
}

/** The moduledata of the module that owns `table` (1.16+ layouts, whose moduledata points at the sub-tables). */
export function findModuledata(exe: Exe, file: Uint8Array, table: Pclntab): Moduledata | null {
  const bySymbol = fromSymbol(exe, table);
  if (bySymbol) return bySymbol;
  if (table.address === null || table.layout.fields.length === 0) return null;
  const named = namedSectionRegion(exe, MODULE_SECTION_NAMES, file);
  const regions = named
    ? [named]
    : exe.sections
        .filter((s) => s.kind === 'data' || s.kind === 'rodata' || s.kind === 'other')
        .map((s) => sectionRegion(exe, s, file))
        .filter((r): r is Region => r !== null);
  for (const region of regions) {
    const found = searchRegion(region, table, table.address);
    if (found) return found;
  }
  return null;
}

/**
 * Candidate values of gofunc, best guess first: the go:func.* / go.func.* symbol when the binary has symbols, the
 * word the table names for this layout, then every word in the search window that could be an address.
 */
export function gofuncCandidates(exe: Exe, table: Pclntab, moduledata: Moduledata | null): number[] {
  const candidates: number[] = [];
  const add = (value: number | null): void => {
    if (value !== null && value !== 0 && !candidates.includes(value)) candidates.push(value);
  };
  for (const name of ['go:func.*', 'go.func.*']) {
    add(exe.symbols.find((s) => s.name === name && !s.dynamic)?.address ?? null);
  }
  if (!moduledata) return candidates;
  for (const guess of GOFUNC_WORDS) if (guess.magic === table.layout.magic) add(moduledata.word(guess.word));
  for (let index = GOFUNC_SEARCH.first; index <= GOFUNC_SEARCH.last; index++) {
    const value = moduledata.word(index);
    if (value !== null && exe.fileOffsetOf(value) >= 0) add(value);
  }
  return candidates;
}
