import { FormatError } from '../../io/errors';
import { MAX_IMPORTS } from '../../io/limits';
import type { ExeSymbol } from '../exe';
import { directory } from './headers';
import type { PeImage } from './image';
import { MAX_IMPORT_DLLS, MAX_IMPORT_NAME_LEN } from './limits';
import { DIR_IMPORT } from './names';
import { boundedCString } from './string-table';

/** What the import directory yields; filled in place so a damaged entry leaves the earlier ones readable. */
export interface Imports {
  /** DLL names in the file's own case, each once. */
  libraries: string[];
  symbols: ExeSymbol[];
}

const DESCRIPTOR_SIZE = 20;
const ORDINAL_FLAG = 0x8000_0000;

/**
 * Walks the import descriptor array up to its all-zero terminator. The directory's declared size is not a
 * reliable bound (the loader ignores it), so the walk is bounded by MAX_IMPORT_DLLS and by the file instead.
 */
export function readImports(image: PeImage, out: Imports): void {
  const importDirectory = directory(image.optional, DIR_IMPORT);
  if (!importDirectory) return;
  const seen = new Set<string>(); // a DLL may have several descriptors; list it once, case-insensitively
  for (let index = 0; ; index++) {
    const at = image.offsetOf(importDirectory.rva + index * DESCRIPTOR_SIZE, image.coff.offset, 'import descriptor');
    if (index >= MAX_IMPORT_DLLS) throw new FormatError(at, `import directory has no end after ${index} DLLs`);
    image.reader.check(at, DESCRIPTOR_SIZE, 'import descriptor');
    const lookupRva = image.reader.u32(at);
    const nameRva = image.reader.u32(at + 12);
    const addressTableRva = image.reader.u32(at + 16);
    // A descriptor without a name or an address table imports nothing; the terminator is all zeros.
    if (nameRva === 0 || addressTableRva === 0) return;
    const nameAt = image.offsetOf(nameRva, at + 12, 'DLL name');
    const library = boundedCString(image.reader, nameAt, MAX_IMPORT_NAME_LEN);
    if (!seen.has(library.toLowerCase())) {
      seen.add(library.toLowerCase());
      out.libraries.push(library);
    }
    // Bound imports overwrite the address table with addresses; the lookup table keeps the names.
    readThunks(image, { library, listRva: lookupRva || addressTableRva, addressTableRva, descriptorAt: at }, out);
  }
}

interface ThunkList {
  library: string;
  /** The table the names are read from (lookup table, or the address table when there is none). */
  listRva: number;
  /** Where the loader writes the resolved addresses; the symbol's address is its slot there. */
  addressTableRva: number;
  descriptorAt: number;
}

function readThunks(image: PeImage, list: ThunkList, out: Imports): void {
  const { reader, pointerSize } = image;
  for (let index = 0; ; index++) {
    const entryAt = image.offsetOf(list.listRva + index * pointerSize, list.descriptorAt, 'import lookup table');
    if (out.symbols.length >= MAX_IMPORTS) {
      throw new FormatError(entryAt, `more than ${MAX_IMPORTS} imported functions`);
    }
    // PE32+ entries are 64-bit; the ordinal flag is their top bit and the name RVA their low 31 bits.
    const low = reader.u32(entryAt);
    const high = pointerSize === 8 ? reader.u32(entryAt + 4) : low;
    if (low === 0 && (pointerSize === 4 || high === 0)) return;
    const name = (high & ORDINAL_FLAG) !== 0 ? `#${low & 0xffff}` : importName(image, low & 0x7fff_ffff, entryAt);
    out.symbols.push({
      name,
      address: image.optional.imageBase + list.addressTableRva + index * pointerSize,
      size: 0,
      kind: 'func',
      dynamic: true,
      library: list.library,
    });
  }
}

/** A hint/name entry: a 2-byte hint into the DLL's export table, then the name. */
function importName(image: PeImage, hintNameRva: number, entryAt: number): string {
  const at = image.offsetOf(hintNameRva, entryAt, 'imported name');
  return boundedCString(image.reader, at + 2, MAX_IMPORT_NAME_LEN);
}
