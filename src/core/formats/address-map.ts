import { ByteReader } from '../io/reader';

/** A run of file bytes mapped at a virtual address (a loaded segment, or a PE section). */
export interface Mapping {
  address: number;
  offset: number;
  fileSize: number;
  memSize: number;
}

/**
 * Virtual-address lookups shared by the format readers. Reads past a mapping's file bytes (into zero-fill) are
 * cut short rather than invented.
 */
export class AddressMap {
  private readonly mappings: Mapping[];

  constructor(
    private readonly file: ByteReader,
    mappings: Mapping[],
  ) {
    this.mappings = mappings.filter((m) => m.fileSize > 0 && file.has(m.offset, 0));
  }

  fileOffsetOf(address: number): number {
    for (const m of this.mappings) {
      if (address >= m.address && address < m.address + m.fileSize) return m.offset + (address - m.address);
    }
    return -1;
  }

  readAt(address: number, size: number): Uint8Array | null {
    for (const m of this.mappings) {
      if (address < m.address || address >= m.address + m.fileSize) continue;
      const start = m.offset + (address - m.address);
      const available = Math.min(size, m.address + m.fileSize - address, this.file.length - start);
      return available > 0 ? this.file.bytes.subarray(start, start + available) : null;
    }
    return null;
  }
}
