import { guarded, type Diagnostic } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import type { Exe, ExeNote, ExeSection, ExeSymbol } from '../exe';
import { FixupCollector, pointerReader } from '../pointers';
import { readBaseRelocations } from './base-relocations';
import { readCodeViewNotes } from './debug-directory';
import {
  directory,
  locateCoffHeader,
  readCoffHeader,
  readOptionalHeader,
  type CoffHeader,
  type OptionalHeader,
} from './headers';
import { PeImage } from './image';
import { readImports, type Imports } from './imports';
import { DIR_BASERELOC, DIR_DEBUG, DLL_CHARACTERISTIC_KEYS, hex32, machineInfo, subsystemName } from './names';
import { readSectionHeaders, toExeSection } from './sections';
import { locateStringTable } from './string-table';
import { readCoffSymbols } from './symbols';

export type { PeSection } from './sections';

const IMAGE_FILE_DLL = 0x2000;

/**
 * Reads a PE image (PE32 or PE32+). Returns null when the bytes are not PE; throws a FormatError when the headers
 * or the section table are unusable. Damage confined to the COFF symbol table, the import directory or the debug
 * directory becomes a diagnostic on the returned Exe, and everything else is still read.
 */
export function parsePe(bytes: Uint8Array): Exe | null {
  const reader = new ByteReader(bytes, true);
  const coffOffset = locateCoffHeader(reader);
  if (coffOffset === null) return null;
  const coff = readCoffHeader(reader, coffOffset);
  const optional = readOptionalHeader(reader, coff);
  const diagnostics: Diagnostic[] = [];
  if (optional.magic === 'ROM') {
    diagnostics.push({
      level: 'warning',
      source: 'pe',
      offset: coff.offset + 20,
      message: 'ROM image: it has no ImageBase, subsystem or data directories; addresses are RVAs',
    });
  }
  const strings = guarded('pe', diagnostics, () => locateStringTable(reader, coff), null);
  const sectionHeaders = readSectionHeaders(reader, coff, strings, diagnostics);
  const image = new PeImage(reader, coff, optional, sectionHeaders);

  const symbols: ExeSymbol[] = [];
  const symbolContext = { reader, strings, sections: sectionHeaders, imageBase: optional.imageBase };
  guarded('pe', diagnostics, () => readCoffSymbols(symbolContext, coff, symbols), undefined);
  const imports: Imports = { libraries: [], symbols: [] };
  guarded('pe', diagnostics, () => readImports(image, imports), undefined);
  const notes: ExeNote[] = [];
  guarded('pe', diagnostics, () => readCodeViewNotes(image, notes), undefined);
  const fixups = new FixupCollector();
  guarded('pe', diagnostics, () => readBaseRelocations(image, fixups), undefined);
  const pointerFixups = fixups.done();
  const readAt = (address: number, size: number): Uint8Array | null => image.addressMap.readAt(address, size);

  const machine = machineInfo(coff.machine);
  return {
    format: 'pe',
    arch: machine.arch,
    bits: optional.bits,
    littleEndian: true,
    // A DLL may have no entry point (AddressOfEntryPoint 0); ImageBase itself is not code to start at.
    entry: optional.addressOfEntryPoint === 0 ? 0 : optional.imageBase + optional.addressOfEntryPoint,
    imageBase: optional.imageBase,
    sections: sectionHeaders.map((header) => toExeSection(header, optional.imageBase)),
    segments: [],
    symbols: symbols.concat(imports.symbols),
    linkage: { interpreter: null, needed: imports.libraries, rpath: [], runpath: [], versionsNeeded: [] },
    notes,
    header: headerRecord(coff, optional, machine.name),
    diagnostics: withoutRepeats(diagnostics),
    sectionData: (section: ExeSection) =>
      section.fileSize > 0 && reader.has(section.offset, section.fileSize)
        ? reader.slice(section.offset, section.fileSize)
        : null,
    readAt,
    fileOffsetOf: (address: number) => image.addressMap.fileOffsetOf(address),
    pointerAt: pointerReader({ readAt, bits: optional.bits, littleEndian: true }, pointerFixups),
    pointerFixups,
  };
}

function headerRecord(coff: CoffHeader, optional: OptionalHeader, machine: string): Exe['header'] {
  const header: Exe['header'] = {
    machine,
    magic: optional.magic,
    subsystem: subsystemName(optional.subsystem),
    timestamp: coff.timeDateStamp,
    checksum: optional.checksum,
    characteristics: hex32(coff.characteristics),
    dllCharacteristics: hex32(optional.dllCharacteristics),
    dll: (coff.characteristics & IMAGE_FILE_DLL) !== 0,
    osVersion: optional.osVersion,
    subsystemVersion: optional.subsystemVersion,
    hasRelocs: directory(optional, DIR_BASERELOC) !== null,
    hasDebugDirectory: directory(optional, DIR_DEBUG) !== null,
  };
  for (const [key, bit] of DLL_CHARACTERISTIC_KEYS) header[key] = (optional.dllCharacteristics & bit) !== 0;
  return header;
}

/** One cause can surface twice (a bad symbol count breaks the string table and the symbol table). */
function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.offset ?? ''}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
