import type { Exe } from '../formats/exe';
import { FormatError } from '../io/errors';
import { ByteReader } from '../io/reader';
import type { Pclntab } from './pclntab';
import { namedSectionRegion, sectionRegion, type Region } from './regions';
import { eachMatch } from './search';

/**
 * The base that 1.18+ functab entry offsets are added to (runtime.text). Picked in this order:
 *  1. the header's textStart, when non-zero (1.18–1.25 write it; a PIE may leave it for a relocation to fill);
 *  2. the runtime.text symbol, when the binary still has symbols;
 *  3. moduledata.text: moduledata starts with a pointer to the pclntab and slices into it, which makes it easy to
 *     recognise; Go 1.26 keeps it in .go.module / __go_module, older releases in the data sections;
 *  4. the start of the text section. Right for Go's internal linker, where the first function (entry offset 0)
 *     opens the text section; wrong by the C prologue when an external linker put C code first (cgo), which is
 *     why it comes last.
 * Layouts before 1.18 store absolute PCs and need none of this.
 */
export type TextStartSource = 'absolute' | 'header' | 'symbol' | 'moduledata' | 'section' | 'unknown';

export interface TextStart {
  address: number;
  source: TextStartSource;
}

/** Go 1.26's moduledata section (not on PE). */
export const MODULE_SECTION_NAMES = ['.go.module', '__go_module'];
const TEXT_SECTION_NAMES = ['.text', '__text'];
/** moduledata word indexes (GO-FORMATS §3): the pcHeader pointer, then slices {ptr,len,cap} into the table. */
const MD_FUNCNAME = 1;
const MD_CUTAB = 4;
const MD_FILETAB = 7;
const MD_PCTAB = 10;
const MD_FTAB = 16;
const MD_TEXT = 22;
const MD_WORDS = 24;

function fromSymbol(exe: Exe | null): number | null {
  const symbol = exe?.symbols.find((s) => s.name === 'runtime.text' && !s.dynamic && s.address !== 0);
  return symbol ? symbol.address : null;
}

/** moduledata.text when the words at `at` are a moduledata pointing into this table. */
function moduledataText(reader: ByteReader, at: number, table: Pclntab, tableAddress: number): number | null {
  const size = table.ptrSize;
  if (!reader.has(at, MD_WORDS * size)) return null;
  const word = (i: number): number => reader.word(at + i * size, size);
  const pointsAt = (i: number, offset: number): boolean => word(i) === tableAddress + (offset - table.start);
  const matches =
    pointsAt(MD_FUNCNAME, table.funcname) &&
    pointsAt(MD_CUTAB, table.cutab) &&
    pointsAt(MD_FILETAB, table.filetab) &&
    pointsAt(MD_PCTAB, table.pctab) &&
    pointsAt(MD_FTAB, table.functab) &&
    word(MD_FTAB + 1) === table.nfunc + 1;
  const text = matches ? word(MD_TEXT) : 0;
  return text !== 0 ? text : null;
}

function searchModuledata(region: Region, table: Pclntab, tableAddress: number): number | null {
  const reader = new ByteReader(region.data, table.reader.littleEndian);
  const needle = new Uint8Array(table.ptrSize);
  const pointer = new DataView(needle.buffer);
  if (table.ptrSize === 8) pointer.setBigUint64(0, BigInt(tableAddress), table.reader.littleEndian);
  else pointer.setUint32(0, tableAddress, table.reader.littleEndian);
  let text: number | null = null;
  eachMatch(region.data, needle, table.ptrSize, (at) => {
    try {
      text = moduledataText(reader, at, table, tableAddress);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
    }
    return text !== null;
  });
  return text;
}

function fromModuledata(exe: Exe | null, file: Uint8Array, table: Pclntab): number | null {
  if (!exe || table.address === null) return null;
  const named = namedSectionRegion(exe, MODULE_SECTION_NAMES, file);
  const regions = named
    ? [named]
    : exe.sections
        .filter((s) => s.kind === 'data')
        .map((s) => sectionRegion(exe, s, file))
        .filter((r): r is Region => r !== null);
  for (const region of regions) {
    const text = searchModuledata(region, table, table.address);
    if (text !== null) return text;
  }
  return null;
}

function fromTextSection(exe: Exe | null): number | null {
  if (!exe) return null;
  const named = exe.sections.find((s) => TEXT_SECTION_NAMES.includes(s.name) && s.address !== 0);
  const code = named ?? exe.sections.find((s) => s.kind === 'code' && s.address !== 0);
  return code ? code.address : null;
}

export function resolveTextStart(table: Pclntab, exe: Exe | null, file: Uint8Array): TextStart {
  if (!table.layout.relativeEntries) return { address: 0, source: 'absolute' };
  if (table.textStart !== 0) return { address: table.textStart, source: 'header' };
  const candidates: [TextStartSource, () => number | null][] = [
    ['symbol', () => fromSymbol(exe)],
    ['moduledata', () => fromModuledata(exe, file, table)],
    ['section', () => fromTextSection(exe)],
  ];
  for (const [source, find] of candidates) {
    const address = find();
    if (address !== null) return { address, source };
  }
  return { address: 0, source: 'unknown' };
}
