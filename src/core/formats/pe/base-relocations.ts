import { FormatError } from '../../io/errors';
import { hex } from '../../io/reader';
import { storedWord, type FixupCollector } from '../pointers';
import { directory } from './headers';
import type { PeImage } from './image';
import { DIR_BASERELOC } from './names';

// Base relocation types (PE/COFF specification, "Base Relocation Types").
const REL_BASED_HIGHLOW = 3;
const REL_BASED_HIGHADJ = 4;
const REL_BASED_DIR64 = 10;
const BLOCK_HEADER_SIZE = 8;

/**
 * Every HIGHLOW and DIR64 slot of the .reloc directory with the address stored there. PE files store absolute
 * VAs at the preferred ImageBase and the loader only adds the slide, so the stored word already is the target;
 * the table still tells which words are pointers. A broken block ends the walk with a FormatError; the slots
 * read before it are kept in `out`.
 */
export function readBaseRelocations(image: PeImage, out: FixupCollector): void {
  const relocations = directory(image.optional, DIR_BASERELOC);
  if (!relocations) return;
  const fieldAt = image.optional.directoriesOffset + DIR_BASERELOC * 8;
  const start = image.offsetOf(relocations.rva, fieldAt, 'base relocation directory');
  const reader = image.reader;
  const end = start + relocations.size;
  reader.check(start, relocations.size, 'base relocation directory');
  for (let at = start; at + BLOCK_HEADER_SIZE <= end;) {
    const pageRva = reader.u32(at);
    const blockSize = reader.u32(at + 4);
    // A block smaller than its header would never advance; one past the directory would read other data.
    if (blockSize < BLOCK_HEADER_SIZE || at + blockSize > end) {
      throw new FormatError(at + 4, `base relocation block at ${hex(at)} has impossible size ${blockSize}`);
    }
    readBlock(image, at, pageRva, blockSize, out);
    at += blockSize;
  }
}

function readBlock(image: PeImage, at: number, pageRva: number, blockSize: number, out: FixupCollector): void {
  const { reader, optional } = image;
  for (let entry = at + BLOCK_HEADER_SIZE; entry + 2 <= at + blockSize; entry += 2) {
    const value = reader.u16(entry);
    const type = value >>> 12;
    if (type === REL_BASED_HIGHADJ) {
      entry += 2; // its second slot holds the low half of the adjustment, not a location
      continue;
    }
    const size = type === REL_BASED_DIR64 ? 8 : type === REL_BASED_HIGHLOW ? 4 : 0;
    if (size === 0) continue; // ABSOLUTE padding, and the 16-bit and machine-specific kinds, hold no pointer
    const slot = optional.imageBase + pageRva + (value & 0xfff);
    const bytes = image.addressMap.readAt(slot, size);
    const target = bytes && bytes.length === size ? storedWord(bytes, size, true) : null;
    if (target === null) {
      throw new FormatError(entry, `base relocation at ${hex(entry)} names ${hex(slot)}, which is not in the file`);
    }
    out.add(slot, target, entry);
  }
}
