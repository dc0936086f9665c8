import type { Exe } from '../formats/exe';
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

/** moduledata.text when the words at `address` are a moduledata pointing into this table. */
function moduledataText(exe: Exe, address: number, table: Pclntab, tableAddress: number): number | null {
  const size = table.ptrSize;
  // Through pointerAt: in a PIE or a chained-fixup build these words are relocations, not plain stored values.
  const word = (i: number): number | null => exe.pointerAt(address + i * size);
  const pointsAt = (i: number, offset: number): boolean => word(i) === tableAddress + (offset - table.start);
  const matches =
    word(MD_WORDS - 1) !== null &&
    pointsAt(MD_FUNCNAME, table.funcname) &&
    pointsAt(MD_CUTAB, table.cutab) &&
    pointsAt(MD_FILETAB, table.filetab) &&
    pointsAt(MD_PCTAB, table.pctab) &&
    pointsAt(MD_FTAB, table.functab) &&
    word(MD_FTAB + 1) === table.nfunc + 1;
  const text = matches ? word(MD_TEXT) : null;
  return text ? text : null;
}

/** Words in a region that hold the table's address as stored (a position-dependent build). */
function storedCandidates(region: Region, table: Pclntab, tableAddress: number): number[] {
  if (region.address === null) return [];
  const needle = new Uint8Array(table.ptrSize);
  const pointer = new DataView(needle.buffer);
  if (table.ptrSize === 8) pointer.setBigUint64(0, BigInt(tableAddress), table.reader.littleEndian);
  else pointer.setUint32(0, tableAddress, table.reader.littleEndian);
  const found: number[] = [];
  eachMatch(region.data, needle, table.ptrSize, (at) => {
    found.push(region.address! + at);
    return false;
  });
  return found;
}

/** Slots the loader fills with the table's address (a PIE whose file holds 0 or an encoded pointer there). */
function relocatedCandidates(exe: Exe, region: Region, tableAddress: number): number[] {
  if (region.address === null) return [];
  const { slots, targets } = exe.pointerFixups;
  const found: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    if (targets[i] === tableAddress && slot >= region.address && slot < region.address + region.data.length) {
      found.push(slot);
    }
  }
  return found;
}

function searchModuledata(exe: Exe, region: Region, table: Pclntab, tableAddress: number): number | null {
  const candidates = [
    ...storedCandidates(region, table, tableAddress),
    ...relocatedCandidates(exe, region, tableAddress),
  ];
  for (const address of candidates) {
    const text = moduledataText(exe, address, table, tableAddress);
    if (text !== null) return text;
  }
  return null;
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
    const text = searchModuledata(exe, region, table, table.address);
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

/** Where the header's textStart word sits: after magic, pad, quantum, pointer size (8 bytes), nfunc and nfiles. */
const TEXT_START_WORD = 2;

/** The header's textStart as the loader leaves it: a PIE stores it as a relocation. */
function headerTextStart(table: Pclntab, exe: Exe | null): number {
  if (!exe || table.address === null) return table.textStart;
  return exe.pointerAt(table.address + 8 + TEXT_START_WORD * table.ptrSize) ?? table.textStart;
}

export function resolveTextStart(table: Pclntab, exe: Exe | null, file: Uint8Array): TextStart {
  if (!table.layout.relativeEntries) return { address: 0, source: 'absolute' };
  const header = headerTextStart(table, exe);
  if (header !== 0) return { address: header, source: 'header' };
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
