import type { Diagnostic } from '../../io/errors';
import { MAX_SEGMENTS } from '../../io/limits';
import { ByteReader } from '../../io/reader';
import type { ExeSegment } from '../exe';
import type { ElfHeader } from './header';
import { segmentTypeName } from './names';
import { readTable } from './table';

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;

const PF_X = 0x1;
const PF_W = 0x2;
const PF_R = 0x4;

/** One program header as the file has it. */
export interface RawSegment {
  type: number;
  flags: number;
  offset: number;
  address: number;
  fileSize: number;
  memSize: number;
  align: number;
}

/** Program headers that could be read; they are never referred to by index, so bad ones are simply left out. */
export function readProgramHeaders(reader: ByteReader, header: ElfHeader, diagnostics: Diagnostic[]): RawSegment[] {
  if (header.phoff === 0) return [];
  const layout = header.layout;
  const fields = layout.segment;
  const spec = {
    what: 'program header table',
    offset: header.phoff,
    count: header.phnum,
    stride: header.phentsize,
    entrySize: fields.size,
    max: MAX_SEGMENTS,
  };
  const entries = readTable(
    reader,
    spec,
    (at) => ({
      type: reader.u32(at + fields.type),
      flags: reader.u32(at + fields.flags),
      offset: reader.word(at + fields.offset, layout.wordSize),
      address: reader.word(at + fields.vaddr, layout.wordSize),
      fileSize: reader.word(at + fields.filesz, layout.wordSize),
      memSize: reader.word(at + fields.memsz, layout.wordSize),
      align: reader.word(at + fields.align, layout.wordSize),
    }),
    diagnostics,
  );
  return entries.filter((entry): entry is RawSegment => entry !== null);
}

export function describeSegment(raw: RawSegment, machine: number): ExeSegment {
  return {
    type: segmentTypeName(raw.type, machine),
    address: raw.address,
    offset: raw.offset,
    fileSize: raw.fileSize,
    memSize: raw.memSize,
    readable: (raw.flags & PF_R) !== 0,
    writable: (raw.flags & PF_W) !== 0,
    executable: (raw.flags & PF_X) !== 0,
  };
}

/** Segment permissions as readelf's Flg column without the spaces: "RW", "RWE", "R". */
export function permissionLetters(raw: RawSegment): string {
  return (raw.flags & PF_R ? 'R' : '') + (raw.flags & PF_W ? 'W' : '') + (raw.flags & PF_X ? 'E' : '');
}
