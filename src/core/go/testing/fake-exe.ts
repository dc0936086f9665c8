// Test support: a minimal Exe over hand-built bytes, for layouts no fixture has (pointer-format build info,
// Go 1.26 text starts). Each section is also its own mapping.
import { AddressMap } from '../../formats/address-map';
import type { Exe, ExeSection, ExeSymbol, PointerFixups } from '../../formats/exe';
import { NO_FIXUPS, pointerReader } from '../../formats/pointers';
import { ByteReader } from '../../io/reader';

export interface FakeSection {
  name: string;
  kind: ExeSection['kind'];
  address: number;
  offset: number;
  size: number;
  flags?: string;
}

export function fakeExe(
  file: Uint8Array,
  sections: FakeSection[],
  options: {
    symbols?: Pick<ExeSymbol, 'name' | 'address'>[];
    bits?: 32 | 64;
    littleEndian?: boolean;
    /** Relocated slots, for layouts whose pointers are stored as 0 (PIE, chained fixups). */
    fixups?: PointerFixups;
  } = {},
): Exe {
  const map = new AddressMap(
    new ByteReader(file),
    sections.map((s) => ({
      address: s.address,
      offset: s.offset,
      fileSize: s.size,
      memSize: s.size,
    })),
  );
  const exeSections: ExeSection[] = sections.map((s) => ({
    name: s.name,
    type: 'PROGBITS',
    kind: s.kind,
    address: s.address,
    offset: s.offset,
    size: s.size,
    fileSize: s.size,
    flags: s.flags ?? (s.kind === 'data' ? 'WA' : s.kind === 'code' ? 'AX' : 'A'),
  }));
  return {
    format: 'elf',
    arch: 'x86_64',
    bits: options.bits ?? 64,
    littleEndian: options.littleEndian ?? true,
    entry: 0,
    imageBase: 0,
    sections: exeSections,
    segments: sections
      .filter((s) => s.kind === 'data')
      .map((s) => ({
        type: 'LOAD',
        address: s.address,
        offset: s.offset,
        fileSize: s.size,
        memSize: s.size,
        readable: true,
        writable: true,
        executable: false,
      })),
    symbols: (options.symbols ?? []).map((s) => ({ ...s, size: 0, kind: 'object', dynamic: false })),
    linkage: { interpreter: null, needed: [], rpath: [], runpath: [], versionsNeeded: [] },
    notes: [],
    header: {},
    diagnostics: [],
    sectionData: (section) => file.subarray(section.offset, section.offset + section.fileSize),
    readAt: (address, size) => map.readAt(address, size),
    fileOffsetOf: (address) => map.fileOffsetOf(address),
    pointerAt: pointerReader(
      {
        readAt: (address, size) => map.readAt(address, size),
        bits: options.bits ?? 64,
        littleEndian: options.littleEndian ?? true,
      },
      options.fixups ?? NO_FIXUPS,
    ),
    pointerFixups: options.fixups ?? NO_FIXUPS,
  };
}
