import { guarded } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import { AddressMap } from '../address-map';
import type { Exe, ExeSection } from '../exe';
import { pointerReader } from '../pointers';
import { walkLoadCommands } from './commands';
import { cpuName, headerFacts, readMachHeader } from './header';
import { readMachOFixups } from './fixups';
import { readSymbols } from './symbols';
import type { MachOState } from './types';

/**
 * Reads a thin Mach-O (32- or 64-bit, either byte order). Null when the magic is not Mach-O; a FormatError when
 * the header or the load command table is unusable; problems in single commands or in the symbol table become
 * diagnostics on the returned Exe.
 */
export function parseMachO(bytes: Uint8Array): Exe | null {
  const header = readMachHeader(bytes);
  if (header === null) return null;
  const reader = new ByteReader(bytes, header.littleEndian);
  const state: MachOState = {
    reader,
    header,
    segments: [],
    sections: [],
    symtab: null,
    linkage: { interpreter: null, needed: [], rpath: [], runpath: [], versionsNeeded: [] },
    notes: [],
    facts: { codeSignature: false, dyldInfo: false, chainedFixups: false, encrypted: false },
    mainOffset: null,
    threadEntry: null,
    diagnostics: [],
    fixupData: {},
  };
  walkLoadCommands(state);
  const symbols = guarded('macho', state.diagnostics, () => readSymbols(state), []);
  // A segment maps only what it both holds in the file and reserves in memory: __DWARF has file bytes but no
  // memory, and its addresses overlap __LINKEDIT's.
  const addresses = new AddressMap(
    reader,
    state.segments.map((s) => ({ ...s, fileSize: Math.min(s.fileSize, s.memSize) })),
  );
  const readAt = (address: number, size: number): Uint8Array | null => addresses.readAt(address, size);
  const pointerFixups = readMachOFixups(state, addresses);
  return {
    format: 'macho',
    arch: cpuName(header.cputype),
    bits: header.bits,
    littleEndian: header.littleEndian,
    entry: entryAddress(state),
    imageBase: 0,
    sections: state.sections,
    segments: state.segments,
    symbols,
    linkage: state.linkage,
    notes: state.notes,
    header: { ...headerFacts(header), ...state.facts },
    diagnostics: state.diagnostics,
    sectionData: (section) => sectionBytes(reader, section),
    readAt,
    fileOffsetOf: (address) => addresses.fileOffsetOf(address),
    pointerAt: pointerReader({ readAt, bits: header.bits, littleEndian: header.littleEndian }, pointerFixups),
    pointerFixups,
  };
}

/** LC_MAIN gives a file offset, which __TEXT maps to an address; LC_UNIXTHREAD gives the address itself. */
function entryAddress(state: MachOState): number {
  if (state.mainOffset !== null) {
    const text = state.segments.find((segment) => segment.type === '__TEXT');
    if (text) return text.address + state.mainOffset - text.offset;
    state.diagnostics.push({ level: 'warning', source: 'macho', message: 'LC_MAIN without a __TEXT segment' });
    return 0;
  }
  return state.threadEntry ?? 0;
}

function sectionBytes(reader: ByteReader, section: ExeSection): Uint8Array | null {
  if (section.fileSize === 0 || !reader.has(section.offset, section.fileSize)) return null;
  return reader.slice(section.offset, section.fileSize);
}
