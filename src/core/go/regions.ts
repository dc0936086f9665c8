import type { Exe, ExeSection } from '../formats/exe';
import { ByteReader } from '../io/reader';

/** A run of bytes to search or read: one section, one segment, or the whole file. */
export interface Region {
  /** Section or segment name, or "file". */
  name: string;
  data: Uint8Array;
  /** Virtual address of data[0], or null when the bytes are not known to be mapped. */
  address: number | null;
  /** File offset of data[0], or -1 when the bytes are not a view of the file. */
  fileOffset: number;
}

/** Where `view` starts inside `file`, when it is a view of the same memory; -1 otherwise. */
export function offsetInFile(file: Uint8Array, view: Uint8Array): number {
  if (view.buffer !== file.buffer) return -1;
  const at = view.byteOffset - file.byteOffset;
  return at >= 0 && at + view.byteLength <= file.byteLength ? at : -1;
}

export function fileRegion(file: Uint8Array): Region {
  return { name: 'file', data: file, address: null, fileOffset: 0 };
}

export function sectionRegion(exe: Exe, section: ExeSection, file: Uint8Array): Region | null {
  const data = exe.sectionData(section);
  if (!data || data.length === 0) return null;
  const fileOffset = offsetInFile(file, data);
  return { name: section.name, data, address: section.address || null, fileOffset };
}

/** The first section with one of `names` (in the order of `names`) that has file bytes. */
export function namedSectionRegion(exe: Exe | null, names: readonly string[], file: Uint8Array): Region | null {
  if (!exe) return null;
  for (const name of names) {
    for (const section of exe.sections) {
      if (section.name !== name) continue;
      const region = sectionRegion(exe, section, file);
      if (region) return region;
    }
  }
  return null;
}

/** The bytes mapped at `address`, up to `size`, as a region (segments and PE sections alike). */
export function mappedRegion(exe: Exe, name: string, address: number, size: number, file: Uint8Array): Region | null {
  const data = exe.readAt(address, size);
  if (!data || data.length === 0) return null;
  return { name, data, address, fileOffset: offsetInFile(file, data) };
}

/**
 * A bounds-checked reader for a region. When the region is a view of the file, the reader spans the file up to
 * the region's end and `base` is the region's file offset, so every FormatError carries a true file offset;
 * otherwise the reader covers the region alone and `base` is 0.
 */
export function regionReader(
  region: Region,
  file: Uint8Array,
  littleEndian = true,
): { reader: ByteReader; base: number } {
  if (region.fileOffset >= 0) {
    const bytes = file.subarray(0, region.fileOffset + region.data.length);
    return { reader: new ByteReader(bytes, littleEndian), base: region.fileOffset };
  }
  return { reader: new ByteReader(region.data, littleEndian), base: 0 };
}

/** Virtual address of a file offset through the sections that map it, or null. */
export function addressOfFileOffset(exe: Exe | null, offset: number): number | null {
  if (!exe) return null;
  for (const section of exe.sections) {
    if (section.address === 0 || section.fileSize === 0) continue;
    if (offset >= section.offset && offset < section.offset + section.fileSize) {
      return section.address + (offset - section.offset);
    }
  }
  return null;
}

export function hexAddress(value: number): string {
  return `0x${value.toString(16)}`;
}
