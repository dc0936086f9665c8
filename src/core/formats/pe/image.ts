import { FormatError } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import { AddressMap, type Mapping } from '../address-map';
import type { CoffHeader, OptionalHeader } from './headers';
import { mappedFileSize, type SectionHeader } from './sections';

/** Everything the directory readers (imports, debug) need: the headers and a way from RVAs to file offsets. */
export class PeImage {
  readonly addressMap: AddressMap;

  constructor(
    readonly reader: ByteReader,
    readonly coff: CoffHeader,
    readonly optional: OptionalHeader,
    readonly sections: SectionHeader[],
  ) {
    this.addressMap = new AddressMap(
      reader,
      sections.map((s) => sectionMapping(s, optional.imageBase)),
    );
  }

  get pointerSize(): 4 | 8 {
    return this.optional.bits === 64 ? 8 : 4;
  }

  /**
   * File offset of an RVA; `referencedAt` is where the RVA was read, so the error points at the bad field.
   * The headers are mapped at RVA 0 as they are in the file, which some packers use to hide tables there.
   */
  offsetOf(rva: number, referencedAt: number, what: string): number {
    const offset = this.addressMap.fileOffsetOf(this.optional.imageBase + rva);
    if (offset >= 0) return offset;
    if (rva < this.optional.sizeOfHeaders && this.reader.has(rva, 1)) return rva;
    throw new FormatError(referencedAt, `${what} at RVA ${hex(rva)} is not in the file`);
  }
}

export function sectionMapping(section: SectionHeader, imageBase: number): Mapping {
  return {
    address: imageBase + section.virtualAddress,
    offset: section.pointerToRawData,
    fileSize: mappedFileSize(section),
    memSize: section.virtualSize || section.sizeOfRawData,
  };
}
