import { FormatError } from '../../io/errors';
import { ByteReader, decodeUtf8, hex } from '../../io/reader';
import { MAX_STRING_LEN, MAX_SYMBOLS } from '../../io/limits';
import type { CoffHeader } from './headers';

/** Size of one COFF symbol record (and of one auxiliary record). */
export const SYMBOL_RECORD_SIZE = 18;

/** The COFF string table: file offsets of its first byte (the 4-byte size field) and one past its last. */
export interface StringTable {
  start: number;
  end: number;
}

/** The symbol count, refused before anything is sized from it. */
export function checkedSymbolCount(coff: CoffHeader): number {
  if (coff.numberOfSymbols > MAX_SYMBOLS) {
    throw new FormatError(coff.offset + 12, `COFF header claims ${coff.numberOfSymbols} symbols`);
  }
  return coff.numberOfSymbols;
}

/**
 * The string table sits right after the symbol records. Images without a symbol table have none, which is not an
 * error; a table whose declared size runs past the file is.
 */
export function locateStringTable(reader: ByteReader, coff: CoffHeader): StringTable | null {
  if (coff.pointerToSymbolTable === 0) return null;
  const start = coff.pointerToSymbolTable + checkedSymbolCount(coff) * SYMBOL_RECORD_SIZE;
  const size = reader.u32(start);
  // Some writers leave the size at 0 for an empty table; the field itself is still 4 bytes.
  const end = start + Math.max(size, 4);
  reader.check(start, end - start, 'COFF string table');
  return { start, end };
}

/** A string at `offset` within the table; `referencedAt` is where the offset was read, for the error. */
export function stringAt(reader: ByteReader, table: StringTable | null, offset: number, referencedAt: number): string {
  if (!table) throw new FormatError(referencedAt, 'name refers to a COFF string table the file does not have');
  const at = table.start + offset;
  if (offset < 4 || at >= table.end) {
    throw new FormatError(referencedAt, `string table offset ${hex(offset)} is outside the table`);
  }
  return boundedCString(reader, at, Math.min(MAX_STRING_LEN, table.end - at));
}

/**
 * A NUL-terminated string of at most `max` bytes. The search for the NUL looks only at those bytes, so a hostile
 * file without zeros costs `max` per name, not the rest of the file.
 */
export function boundedCString(reader: ByteReader, offset: number, max: number): string {
  const window = reader.tail(offset, max);
  const nul = window.indexOf(0);
  if (nul < 0) throw new FormatError(offset, `unterminated string at ${hex(offset)}`);
  return decodeUtf8(window.subarray(0, nul));
}
