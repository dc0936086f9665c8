import { sha256Hex } from '../analyze';
import type { Exe, ExeFormat, ExeSection } from '../formats/exe';
import type { CodeComparison, DifferenceRun, SectionContentComparison } from './types';

/**
 * The sections whose bytes the program runs with, by format: code, read-only data, the function table, data,
 * and Go's build info. Go on Windows keeps read-only data and pclntab together in .rdata.
 */
export const CONTENT_SECTIONS: Record<ExeFormat, readonly string[]> = {
  elf: ['.text', '.rodata', '.gopclntab', '.noptrdata', '.data', '.go.buildinfo'],
  macho: ['__text', '__rodata', '__gopclntab', '__noptrdata', '__data', '__go_buildinfo'],
  pe: ['.text', '.rdata', '.data'],
};

/** One side of a content comparison: the parsed executable and where it starts in the file (fat Mach-O slices). */
export interface ContentSide {
  exe: Exe;
  sliceOffset: number;
}

interface SectionBytes {
  section: ExeSection;
  data: Uint8Array;
}

function sectionBytes(exe: Exe, name: string): SectionBytes | null {
  const section = exe.sections.find((s) => s.name === name && s.fileSize > 0);
  const data = section ? exe.sectionData(section) : null;
  return section && data ? { section, data } : null;
}

/** Positions that differ over the common length, plus the bytes one side has beyond it. */
function countDifferences(a: Uint8Array, b: Uint8Array): number {
  const common = Math.min(a.length, b.length);
  let count = Math.abs(a.length - b.length);
  for (let i = 0; i < common; i++) if (a[i] !== b[i]) count++;
  return count;
}

/** The first run of consecutive differing bytes, or null when the bytes are equal. */
function firstRun(a: Uint8Array, b: Uint8Array): { offset: number; length: number } | null {
  const common = Math.min(a.length, b.length);
  let start = 0;
  while (start < common && a[start] === b[start]) start++;
  if (start === common && a.length === b.length) return null;
  let end = start;
  while (end < common && a[end] !== b[end]) end++;
  // A run that reaches the end of the shorter side goes on through the bytes only the longer side has.
  if (end === common) end = Math.max(a.length, b.length);
  return { offset: start, length: end - start };
}

async function compareSection(
  name: string,
  a: SectionBytes & ContentSide,
  b: SectionBytes & ContentSide,
): Promise<SectionContentComparison> {
  const [sha256A, sha256B] = await Promise.all([sha256Hex(a.data), sha256Hex(b.data)]);
  const identical = sha256A === sha256B && a.data.length === b.data.length;
  const result: SectionContentComparison = {
    name,
    sizeA: a.data.length,
    sizeB: b.data.length,
    sha256A,
    sha256B,
    identical,
    differingBytes: 0,
  };
  if (identical) return result;
  // Byte-by-byte work only where the hashes already said the contents differ.
  result.differingBytes = countDifferences(a.data, b.data);
  const run = firstRun(a.data, b.data);
  if (run) {
    const firstDifference: DifferenceRun = {
      ...run,
      fileOffsetA: a.sliceOffset + a.section.offset + run.offset,
      fileOffsetB: b.sliceOffset + b.section.offset + run.offset,
    };
    result.firstDifference = firstDifference;
  }
  return result;
}

/**
 * Compares the contents of the loaded sections both files have, by name. Contents, not file offsets: `strip`
 * keeps every loaded section byte for byte but may move where it sits in the file.
 */
export async function compareContents(a: ContentSide | null, b: ContentSide | null): Promise<CodeComparison> {
  const none = (reason: string): CodeComparison => ({ identical: null, reason, sections: [], differingBytes: 0 });
  if (!a || !b) return none('one of the files could not be read as an executable');
  if (a.exe.format !== b.exe.format || a.exe.arch !== b.exe.arch) {
    return none(`different formats or architectures (${a.exe.format} ${a.exe.arch}, ${b.exe.format} ${b.exe.arch})`);
  }
  const sections: SectionContentComparison[] = [];
  for (const name of CONTENT_SECTIONS[a.exe.format]) {
    const bytesA = sectionBytes(a.exe, name);
    const bytesB = sectionBytes(b.exe, name);
    if (bytesA && bytesB) sections.push(await compareSection(name, { ...a, ...bytesA }, { ...b, ...bytesB }));
  }
  if (sections.length === 0) return none('no code or data section with contents in both files');
  return {
    identical: sections.every((s) => s.identical),
    sections,
    differingBytes: sections.reduce((sum, s) => sum + s.differingBytes, 0),
  };
}
