import { ByteReader, decodeUtf8 } from '../../io/reader';
import type { ExeSymbol, SymbolKind } from '../exe';
import type { CoffHeader } from './headers';
import { SCN_CNT_CODE } from './names';
import type { SectionHeader } from './sections';
import { checkedSymbolCount, stringAt, SYMBOL_RECORD_SIZE, type StringTable } from './string-table';

const SECTION_UNDEFINED = 0;
const SECTION_ABSOLUTE = -1;
const STORAGE_CLASS_FILE = 103;

/** What a symbol needs to know about the image to get an address and a kind. */
export interface SymbolContext {
  reader: ByteReader;
  strings: StringTable | null;
  sections: SectionHeader[];
  imageBase: number;
}

/**
 * Appends the COFF symbols to `out`, skipping auxiliary records (they describe the record before them and are
 * not symbols of their own, which is also how Go's debug/pe counts). Appending rather than returning keeps the
 * symbols read before a damaged record when the caller turns the error into a diagnostic.
 */
export function readCoffSymbols(context: SymbolContext, coff: CoffHeader, out: ExeSymbol[]): void {
  if (coff.pointerToSymbolTable === 0) return;
  const count = checkedSymbolCount(coff);
  const { reader } = context;
  reader.check(coff.pointerToSymbolTable, count * SYMBOL_RECORD_SIZE, 'COFF symbol table');
  // Each step moves at least one record forward, so the loop ends after at most `count` records.
  for (let index = 0; index < count;) {
    const at = coff.pointerToSymbolTable + index * SYMBOL_RECORD_SIZE;
    out.push(readSymbol(context, at));
    index += 1 + reader.u8(at + 17);
  }
}

function readSymbol(context: SymbolContext, at: number): ExeSymbol {
  const { reader } = context;
  const value = reader.u32(at + 8);
  const sectionNumber = (reader.u16(at + 12) << 16) >> 16; // a signed 16-bit field
  const storageClass = reader.u8(at + 16);
  const name = symbolName(context, at);
  const symbol = (address: number, kind: SymbolKind): ExeSymbol => ({ name, address, size: 0, kind, dynamic: false });
  if (storageClass === STORAGE_CLASS_FILE) return symbol(0, 'file');
  if (sectionNumber === SECTION_UNDEFINED) return symbol(0, 'undefined');
  const section = sectionNumber > 0 ? context.sections[sectionNumber - 1] : undefined;
  // Absolute and debug symbols (negative section numbers), and any that name a section the image does not have,
  // keep their raw value: there is no section to place them in.
  if (!section || sectionNumber === SECTION_ABSOLUTE) return symbol(value, 'other');
  const kind = (section.characteristics & SCN_CNT_CODE) !== 0 ? 'func' : 'object';
  return symbol(context.imageBase + section.virtualAddress + value, kind);
}

/** Names up to 8 bytes sit in the record; longer ones are a zero word followed by a string-table offset. */
function symbolName(context: SymbolContext, at: number): string {
  const { reader } = context;
  if (reader.u32(at) === 0) return stringAt(reader, context.strings, reader.u32(at + 4), at + 4);
  const inline = reader.slice(at, 8, 'symbol name');
  const nul = inline.indexOf(0);
  return decodeUtf8(nul < 0 ? inline : inline.subarray(0, nul));
}
