import type { Diagnostic } from '../../io/errors';
import { diagnosticFrom, FormatError } from '../../io/errors';
import { MAX_STRING_LEN, MAX_SYMBOLS } from '../../io/limits';
import { ByteReader, decodeLatin1, hex } from '../../io/reader';
import type { ExeSection, ExeSymbol } from '../exe';
import {
  MAX_LIBRARY_ORDINAL,
  MH_TWOLEVEL,
  N_EXT,
  N_SECT,
  N_STAB,
  N_TYPE,
  N_UNDF,
  SELF_LIBRARY_ORDINAL,
} from './constants';
import type { MachOState, SymtabCommand } from './types';

/** A symbol with the section it was defined in (1-based, 0 for none), before sizes are known. */
/** How many unreadable entries a symbol table may have before it is given up as a whole. */
const MAX_BAD_SYMBOLS = 1000;

interface RawSymbol {
  symbol: ExeSymbol;
  sectionIndex: number;
  /** The symbol's address again, on a shape that is the same for every entry. */
  address: number;
}

/**
 * Reads LC_SYMTAB's nlist entries. Debugging (N_STAB) entries are left out, as `nm` does. A symbol that cannot be
 * read is skipped and counted in one diagnostic; a table that cannot be located, or is mostly unreadable, throws.
 */
export function readSymbols(state: MachOState): ExeSymbol[] {
  const symtab = state.symtab;
  if (!symtab) return [];
  const reader = state.reader;
  if (symtab.nsyms > MAX_SYMBOLS) {
    throw new FormatError(symtab.at + 12, `nsyms ${symtab.nsyms} is more than the ${MAX_SYMBOLS} this reader accepts`);
  }
  const wordSize = state.header.bits === 64 ? 8 : 4;
  const entrySize = 8 + wordSize;
  reader.check(symtab.symoff, symtab.nsyms * entrySize, 'symbol table');
  const strings = new StringTable(new ByteReader(reader.slice(symtab.stroff, symtab.strsize, 'string table')));
  const libraries = (state.header.flags & MH_TWOLEVEL) !== 0 ? state.linkage.needed : [];
  const raw: RawSymbol[] = [];
  const skipped: Diagnostic[] = [];
  for (let index = 0; index < symtab.nsyms; index++) {
    const at = symtab.symoff + index * entrySize;
    try {
      const entry = readEntry(reader, strings, at, wordSize, libraries, symtab);
      if (entry) raw.push(entry);
    } catch (error) {
      skipped.push(diagnosticFrom('macho', error, 'warning'));
      // Each bad entry costs an exception; a table that is mostly bad is given up rather than read for seconds.
      if (skipped.length > MAX_BAD_SYMBOLS) {
        throw new FormatError(
          symtab.at,
          `more than ${MAX_BAD_SYMBOLS} unreadable symbols; the first: ${skipped[0]!.message}`,
        );
      }
    }
  }
  if (skipped.length > 0) {
    state.diagnostics.push({
      ...skipped[0]!,
      message: `${skipped.length} symbol(s) could not be read; the first: ${skipped[0]!.message}`,
    });
  }
  assignSizes(raw, state.sections);
  return raw.map((entry) => entry.symbol);
}

function readEntry(
  reader: ByteReader,
  strings: StringTable,
  at: number,
  wordSize: number,
  libraries: string[],
  symtab: SymtabCommand,
): RawSymbol | null {
  const type = reader.u8(at + 4);
  if ((type & N_STAB) !== 0) return null;
  const nameOffset = reader.u32(at);
  if (nameOffset >= symtab.strsize) {
    throw new FormatError(at, `symbol name offset ${hex(nameOffset)} lies outside the string table`);
  }
  const sectionIndex = reader.u8(at + 5);
  const desc = reader.u16(at + 6);
  const value = reader.word(at + 8, wordSize);
  const name = goName(strings.at(nameOffset));
  const kindBits = type & N_TYPE;
  if (kindBits === N_UNDF) {
    const symbol: ExeSymbol = { name, address: value, size: 0, kind: 'undefined', dynamic: (type & N_EXT) !== 0 };
    const library = libraryOf(desc, libraries);
    if (library !== undefined) symbol.library = library;
    return { symbol, sectionIndex: 0, address: value };
  }
  const inSection = kindBits === N_SECT ? sectionIndex : 0;
  const symbol: ExeSymbol = { name, address: value, size: 0, kind: 'other', dynamic: false };
  return { symbol, sectionIndex: inSection, address: value };
}

/**
 * Names looked up in one latin1 decoding of the table (whose indexes are byte offsets) rather than one UTF-8
 * decoding per symbol, which is most of the reading time. Anything unusual (no NUL, too long, non-ASCII) goes
 * through the reader, which decodes UTF-8 and reports the errors.
 */
class StringTable {
  private readonly text: string;

  constructor(private readonly reader: ByteReader) {
    this.text = decodeLatin1(reader.bytes);
  }

  at(offset: number): string {
    const end = this.text.indexOf('\0', offset);
    if (end < 0 || end - offset >= MAX_STRING_LEN) return this.reader.cstring(offset);
    const name = this.text.slice(offset, end);
    return NON_ASCII.test(name) ? this.reader.cstring(offset) : name;
  }
}

/** The table is decoded as latin1, so every character is below 0x100. */
const NON_ASCII = /[\x80-\xff]/;

/**
 * Go's linker puts the C "_" in front of Go symbols, whose names always hold a dot; C names never do. Dropping
 * it gives the names Go tools print ("runtime.main"), while C imports keep theirs ("_write"), as Go's readers do.
 */
function goName(name: string): string {
  return name.startsWith('_') && name.includes('.') ? name.slice(1) : name;
}

/** Two-level namespace: the high byte of n_desc is a 1-based index into the dylibs in load order. */
function libraryOf(desc: number, libraries: string[]): string | undefined {
  const ordinal = (desc >>> 8) & 0xff;
  if (ordinal === SELF_LIBRARY_ORDINAL || ordinal > MAX_LIBRARY_ORDINAL) return undefined;
  return libraries[ordinal - 1];
}

/**
 * nlist has no sizes: a defined symbol runs to the next higher address in its section, or to the section's end.
 * Kinds come from the section too: code sections hold functions, the rest objects. Addresses are sorted as a
 * typed array (a native numeric sort: a comparator sort was most of the reading time) and the next one found by
 * binary search, which also copes with many symbols at one address.
 */
function assignSizes(raw: RawSymbol[], sections: ExeSection[]): void {
  const bySection = new Map<number, RawSymbol[]>();
  for (const entry of raw) {
    if (entry.sectionIndex === 0 || entry.sectionIndex > sections.length) continue;
    const bucket = bySection.get(entry.sectionIndex);
    if (bucket) bucket.push(entry);
    else bySection.set(entry.sectionIndex, [entry]);
  }
  for (const [sectionIndex, entries] of bySection) {
    const section = sections[sectionIndex - 1]!;
    // Filled by a loop: Float64Array.from with a mapping function is several times slower.
    const addresses = new Float64Array(entries.length);
    for (let index = 0; index < entries.length; index++) addresses[index] = entries[index]!.address;
    addresses.sort();
    const sectionEnd = section.address + section.size;
    const kind = section.kind === 'code' ? 'func' : 'object';
    for (const { symbol, address } of entries) {
      const next = firstAbove(addresses, address);
      symbol.kind = kind;
      symbol.size = Math.max(0, (next < addresses.length ? addresses[next]! : sectionEnd) - address);
    }
  }
}

/** Index of the first element of an ascending array greater than `value` (the length when none is). */
function firstAbove(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
