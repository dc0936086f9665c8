import { FormatError } from '../../io/errors';
import { MAX_SECTIONS, MAX_SEGMENTS } from '../../io/limits';
import type { ByteReader } from '../../io/reader';
import { hex } from '../../io/reader';
import type { ExeSection, ExeSegment, SectionKind } from '../exe';
import {
  LC,
  S_ATTR_DEBUG,
  S_ATTR_PURE_INSTRUCTIONS,
  S_ATTR_SOME_INSTRUCTIONS,
  SECTION_TYPE_MASK,
  SECTION_TYPES,
  VM_PROT_EXECUTE,
  VM_PROT_READ,
  VM_PROT_WRITE,
  ZEROFILL_TYPES,
} from './constants';
import type { LoadCommand, MachOState } from './types';
import { requireSize } from './types';

/** Field offsets of segment_command(_64) and of the section(_64) records that follow it. */
const SEGMENT_LAYOUT = {
  32: {
    word: 4,
    header: 56,
    sectionSize: 68,
    vmaddr: 24,
    vmsize: 28,
    fileoff: 32,
    filesize: 36,
    initprot: 44,
    nsects: 48,
    segflags: 52,
    sectSize: 36,
    sectOffset: 40,
    sectFlags: 56,
  },
  64: {
    word: 8,
    header: 72,
    sectionSize: 80,
    vmaddr: 24,
    vmsize: 32,
    fileoff: 40,
    filesize: 48,
    initprot: 60,
    nsects: 64,
    segflags: 68,
    sectSize: 40,
    sectOffset: 48,
    sectFlags: 64,
  },
} as const;
type SegmentLayout = (typeof SEGMENT_LAYOUT)[32] | (typeof SEGMENT_LAYOUT)[64];

/** SG_READ_ONLY: dyld makes the segment read-only once fixups are done (__DATA_CONST). */
const SG_READ_ONLY = 0x10;

/** Reads one LC_SEGMENT(_64) with its sections; nothing is kept unless the whole command reads. */
export function readSegment(state: MachOState, command: LoadCommand): void {
  const layout = SEGMENT_LAYOUT[command.cmd === LC.SEGMENT_64 ? 64 : 32];
  requireSize(command, layout.header, 'segment command');
  const reader = state.reader;
  const at = command.at;
  const initprot = reader.u32(at + layout.initprot);
  const segment: ExeSegment = {
    type: reader.fixedString(at + 8, 16),
    address: reader.word(at + layout.vmaddr, layout.word),
    memSize: reader.word(at + layout.vmsize, layout.word),
    offset: reader.word(at + layout.fileoff, layout.word),
    fileSize: reader.word(at + layout.filesize, layout.word),
    readable: (initprot & VM_PROT_READ) !== 0,
    writable: (initprot & VM_PROT_WRITE) !== 0,
    executable: (initprot & VM_PROT_EXECUTE) !== 0,
  };
  const nsects = reader.u32(at + layout.nsects);
  if (layout.header + nsects * layout.sectionSize > command.size) {
    throw new FormatError(at + layout.nsects, `segment ${segment.type} claims ${nsects} sections, more than fit`);
  }
  if (state.segments.length >= MAX_SEGMENTS || state.sections.length + nsects > MAX_SECTIONS) {
    throw new FormatError(at, `segment ${segment.type} goes past the limit on segments or sections`);
  }
  const readOnlyAfterFixups = (reader.u32(at + layout.segflags) & SG_READ_ONLY) !== 0;
  const sections: ExeSection[] = [];
  for (let index = 0; index < nsects; index++) {
    const sectionAt = at + layout.header + index * layout.sectionSize;
    sections.push(readSection(reader, sectionAt, layout, initprot, readOnlyAfterFixups));
  }
  if (!reader.has(segment.offset, segment.fileSize)) {
    state.diagnostics.push({
      level: 'warning',
      source: 'macho',
      offset: at,
      message: `segment ${segment.type} (${hex(segment.offset)}, ${segment.fileSize} bytes) runs past the end of the file`,
    });
  }
  state.segments.push(segment);
  state.sections.push(...sections);
}

function readSection(
  reader: ByteReader,
  at: number,
  layout: SegmentLayout,
  initprot: number,
  readOnlyAfterFixups: boolean,
): ExeSection {
  const flags = reader.u32(at + layout.sectFlags);
  const type = SECTION_TYPES[flags & SECTION_TYPE_MASK] ?? `S_TYPE_${hex(flags & SECTION_TYPE_MASK)}`;
  const segment = reader.fixedString(at + 16, 16);
  const size = reader.word(at + layout.sectSize, layout.word);
  const zerofill = ZEROFILL_TYPES.has(type);
  return {
    name: reader.fixedString(at, 16),
    segment,
    type,
    kind: sectionKind(segment, type, flags, initprot, readOnlyAfterFixups),
    address: reader.word(at + 32, layout.word),
    offset: reader.u32(at + layout.sectOffset),
    size,
    fileSize: zerofill ? 0 : size,
    flags: protectionString(initprot),
  };
}

function sectionKind(
  segment: string,
  type: string,
  flags: number,
  initprot: number,
  readOnlyAfterFixups: boolean,
): SectionKind {
  // __DWARF is never mapped; the debug attribute marks debug sections placed elsewhere.
  if (segment === '__DWARF' || (flags & S_ATTR_DEBUG) !== 0) return 'debug';
  if (ZEROFILL_TYPES.has(type)) return 'bss';
  if ((flags & (S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS)) !== 0) return 'code';
  if ((initprot & VM_PROT_WRITE) !== 0 && !readOnlyAfterFixups) return 'data';
  return 'rodata';
}

/** "R-X" style, the way the Exe interface shows PE and Mach-O protections. */
export function protectionString(prot: number): string {
  return (
    ((prot & VM_PROT_READ) !== 0 ? 'R' : '-') +
    ((prot & VM_PROT_WRITE) !== 0 ? 'W' : '-') +
    ((prot & VM_PROT_EXECUTE) !== 0 ? 'X' : '-')
  );
}
