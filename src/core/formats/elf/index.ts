import { FormatError, guarded, type Diagnostic } from '../../io/errors';
import { MAX_STRING_LEN } from '../../io/limits';
import { ByteReader } from '../../io/reader';
import { AddressMap, type Mapping } from '../address-map';
import type { Exe, ExeLinkage, ExeSection } from '../exe';
import { pointerReader } from '../pointers';
import type { ElfContext } from './context';
import { dynamicFlags, dynamicLinkage, readDynamic, type DynamicInfo } from './dynamic';
import { hasElfMagic, readHeader, type ElfHeader } from './header';
import { archName, elfTypeName, machineName } from './names';
import { readNotes } from './notes';
import { readRelativeFixups } from './relocations';
import {
  SHF_ALLOC,
  SHT_NOBITS,
  describeSection,
  readSectionHeaders,
  readSectionNames,
  type RawSection,
} from './sections';
import {
  PT_GNU_RELRO,
  PT_GNU_STACK,
  PT_INTERP,
  PT_LOAD,
  describeSegment,
  permissionLetters,
  readProgramHeaders,
  type RawSegment,
} from './segments';
import { textUntilNul } from './strings';
import { readSymbols } from './symbols';
import { reportPastEnd } from './table';
import { readVersionNeeds, type VersionNeed } from './versions';

/**
 * Reads an ELF file: null when the bytes are not ELF, a FormatError when the header leaves nothing readable, and
 * otherwise an Exe whose `diagnostics` say which parts (a symbol table, the dynamic section, a note) were broken.
 */
export function parseElf(bytes: Uint8Array): Exe | null {
  const file = new ByteReader(bytes);
  if (!hasElfMagic(file)) return null;
  const diagnostics: Diagnostic[] = [];
  const header = readHeader(file, diagnostics);
  const ctx = readHeaderTables(file.withEndian(header.littleEndian), header, diagnostics);
  const dynamic = readDynamic(ctx);
  const needs: VersionNeed[] = [];
  guarded('elf', diagnostics, () => readVersionNeeds(ctx, dynamic, needs), undefined);
  const sections: ExeSection[] = [];
  ctx.sections.forEach((raw, index) => {
    if (raw && index > 0) sections.push(describeSection(raw, ctx.names[index] ?? '', header.machine, header.osabi));
  });
  reportPastEnd(
    ctx.reader,
    sections.map((s) => ({ label: s.name || '(unnamed)', offset: s.offset, size: s.fileSize })),
    'section(s)',
    diagnostics,
  );
  const segments = ctx.segments.map((raw) => describeSegment(raw, header.machine));
  reportPastEnd(
    ctx.reader,
    segments.map((s) => ({ label: s.type, offset: s.offset, size: s.fileSize })),
    'segment(s)',
    diagnostics,
  );
  const pointerFixups = readRelativeFixups(ctx, dynamic);
  const readAt = (address: number, size: number): Uint8Array | null => ctx.addressMap.readAt(address, size);
  const littleEndian = header.littleEndian;
  const bits = header.layout.bits;
  return {
    format: 'elf',
    arch: archName(header.machine, header.layout.bits, header.littleEndian),
    bits: header.layout.bits,
    littleEndian: header.littleEndian,
    entry: header.entry,
    imageBase: 0,
    sections,
    segments,
    symbols: readSymbols(ctx, needs),
    linkage: readLinkage(ctx, dynamic, needs),
    notes: readNotes(ctx),
    header: headerFacts(ctx, dynamic),
    diagnostics,
    sectionData: (section) => sectionBytes(ctx.reader, section),
    readAt,
    fileOffsetOf: (address) => ctx.addressMap.fileOffsetOf(address),
    pointerAt: pointerReader({ readAt, bits, littleEndian }, pointerFixups),
    pointerFixups,
  };
}

/** Section and program headers; with neither readable there is nothing to show, which makes the file unusable. */
function readHeaderTables(reader: ByteReader, header: ElfHeader, diagnostics: Diagnostic[]): ElfContext {
  const sections = guarded('elf', diagnostics, () => readSectionHeaders(reader, header, diagnostics), []);
  const segments = guarded('elf', diagnostics, () => readProgramHeaders(reader, header, diagnostics), []);
  if (sections.length === 0 && segments.length === 0) {
    const cause = diagnostics[0];
    throw new FormatError(
      cause?.offset ?? 0,
      `no readable section or program headers${cause ? `: ${cause.message}` : ''}`,
    );
  }
  const names = readSectionNames(reader, sections, header.shstrndx, diagnostics);
  const addressMap = new AddressMap(reader, loadMappings(segments, sections));
  return { reader, header, sections, names, segments, addressMap, diagnostics };
}

/** PT_LOAD segments say where bytes land in memory; a file without them (an object) falls back to its sections. */
function loadMappings(segments: RawSegment[], sections: (RawSection | null)[]): Mapping[] {
  const loads = segments.filter((s) => s.type === PT_LOAD);
  if (loads.length > 0) {
    return loads.map((s) => ({ address: s.address, offset: s.offset, fileSize: s.fileSize, memSize: s.memSize }));
  }
  return sections
    .filter((s): s is RawSection => s !== null && (s.flagsLow & SHF_ALLOC) !== 0 && s.type !== SHT_NOBITS)
    .map((s) => ({ address: s.address, offset: s.offset, fileSize: s.size, memSize: s.size }));
}

function readLinkage(ctx: ElfContext, dynamic: DynamicInfo, needs: VersionNeed[]): ExeLinkage {
  const interp = ctx.segments.find((s) => s.type === PT_INTERP);
  const interpreter = interp
    ? guarded(
        'elf',
        ctx.diagnostics,
        () => textUntilNul(ctx.reader.slice(interp.offset, Math.min(interp.fileSize, MAX_STRING_LEN), 'PT_INTERP')),
        null,
      )
    : null;
  return {
    interpreter,
    ...dynamicLinkage(dynamic, ctx.diagnostics),
    versionsNeeded: needs.map(({ library, version }) => ({ library, version })),
  };
}

function headerFacts(ctx: ElfContext, dynamic: DynamicInfo): Record<string, string | number | boolean> {
  const { header, segments } = ctx;
  const stack = segments.find((s) => s.type === PT_GNU_STACK);
  return {
    class: header.layout.bits === 64 ? 'ELF64' : 'ELF32',
    data: header.littleEndian ? 'little' : 'big',
    type: elfTypeName(header.type),
    machine: machineName(header.machine),
    osabi: header.osabi,
    flags: header.flags,
    entry: header.entry,
    hasSectionHeaders: ctx.sections.length > 0,
    gnuStack: stack ? permissionLetters(stack) : 'absent',
    relro: segments.some((s) => s.type === PT_GNU_RELRO),
    hasDynamic: dynamic.present,
    ...dynamicFlags(dynamic.entries),
  };
}

function sectionBytes(reader: ByteReader, section: ExeSection): Uint8Array | null {
  if (section.type === 'NOBITS' || !reader.has(section.offset, section.fileSize)) return null;
  return reader.slice(section.offset, section.fileSize);
}
