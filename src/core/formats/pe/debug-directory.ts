import { FormatError } from '../../io/errors';
import type { ByteReader } from '../../io/reader';
import type { ExeNote } from '../exe';
import { directory } from './headers';
import type { PeImage } from './image';
import { MAX_DEBUG_ENTRIES, MAX_PDB_PATH_LEN } from './limits';
import { DIR_DEBUG, IMAGE_DEBUG_TYPE_CODEVIEW } from './names';
import { boundedCString } from './string-table';

const DEBUG_ENTRY_SIZE = 28;
const RSDS_SIGNATURE = 0x5344_5352; // "RSDS" read as a little-endian u32
const RSDS_HEADER_SIZE = 24; // signature, GUID, age

/**
 * Turns CodeView (RSDS) debug entries into notes: the PDB path and GUID tie a binary to the machine and build
 * that produced it. Go's linker writes no debug directory; binaries linked by MSVC or lld (cgo) may.
 */
export function readCodeViewNotes(image: PeImage, out: ExeNote[]): void {
  const debugDirectory = directory(image.optional, DIR_DEBUG);
  if (!debugDirectory) return;
  const entryAt = image.optional.directoriesOffset + DIR_DEBUG * 8;
  const count = Math.floor(debugDirectory.size / DEBUG_ENTRY_SIZE);
  if (count > MAX_DEBUG_ENTRIES) throw new FormatError(entryAt, `debug directory claims ${count} entries`);
  const start = image.offsetOf(debugDirectory.rva, entryAt, 'debug directory');
  image.reader.check(start, count * DEBUG_ENTRY_SIZE, 'debug directory');
  for (let index = 0; index < count; index++) {
    const at = start + index * DEBUG_ENTRY_SIZE;
    if (image.reader.u32(at + 12) !== IMAGE_DEBUG_TYPE_CODEVIEW) continue;
    const note = readCodeView(image, at);
    if (note) out.push(note);
  }
}

/** The record is found by file offset (PointerToRawData), or by RVA when a writer left the offset at zero. */
function readCodeView(image: PeImage, entryAt: number): ExeNote | null {
  const { reader } = image;
  const sizeOfData = reader.u32(entryAt + 16);
  const rawDataRva = reader.u32(entryAt + 20);
  const pointer = reader.u32(entryAt + 24);
  const at = pointer !== 0 ? pointer : image.offsetOf(rawDataRva, entryAt + 20, 'CodeView record');
  // Older NB10 records carry no GUID; they are rare enough not to be worth a note.
  if (sizeOfData < RSDS_HEADER_SIZE + 1 || reader.u32(at) !== RSDS_SIGNATURE) return null;
  reader.check(at, sizeOfData, 'CodeView record');
  const path = boundedCString(reader, at + RSDS_HEADER_SIZE, Math.min(sizeOfData - RSDS_HEADER_SIZE, MAX_PDB_PATH_LEN));
  const value = `path=${path}; guid=${guidAt(reader, at + 4)}; age=${reader.u32(at + 20)}`;
  return { owner: 'CodeView', type: IMAGE_DEBUG_TYPE_CODEVIEW, typeName: 'IMAGE_DEBUG_TYPE_CODEVIEW', value };
}

/** A GUID as Windows prints it: the first three fields are little-endian integers, the last eight plain bytes. */
function guidAt(reader: ByteReader, at: number): string {
  const field = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');
  const tail = Array.from(reader.slice(at + 8, 8), (byte) => field(byte, 2)).join('');
  const text =
    `${field(reader.u32(at), 8)}-${field(reader.u16(at + 4), 4)}-${field(reader.u16(at + 6), 4)}-` +
    `${tail.slice(0, 4)}-${tail.slice(4)}`;
  return text.toUpperCase();
}
