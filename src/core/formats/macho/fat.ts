import type { Diagnostic } from '../../io/errors';
import { FormatError, guarded } from '../../io/errors';
import { MAX_FAT_ARCHES } from '../../io/limits';
import { ByteReader, hex } from '../../io/reader';
import type { Exe, ExeSection } from '../exe';
import { FAT_MAGIC, FAT_MAGIC_64 } from './constants';
import { cpuName } from './header';
import { parseMachO } from './thin';

export interface FatFile {
  /** One Exe for each slice that could be read, in the order of the fat header. */
  exes: Exe[];
  /** sliceOffsets[i] is where exes[i] starts in the fat file. */
  sliceOffsets: number[];
  /** Problems with the fat header or with slices that were skipped; offsets are fat-file offsets. */
  diagnostics: Diagnostic[];
}

/** A Java class file's major version sits where nfat_arch would be; the oldest class version is 45. */
const FIRST_JAVA_MAJOR = 45;

/** fat_arch is 20 bytes; fat_arch_64 widens offset and size to 64 bits and adds a reserved word. */
const FAT_ARCH = { entrySize: 20, word: 4 } as const;
const FAT_ARCH_64 = { entrySize: 32, word: 8 } as const;

/**
 * Reads a universal (fat) Mach-O: a big-endian header listing slices, each a thin Mach-O. Null when the magic is
 * not fat, or when 0xcafebabe starts a Java class file. A slice that cannot be read is a diagnostic; a header
 * that cannot be read, or a file with no readable slice, is a FormatError.
 *
 * Inside each Exe, file offsets (sections, segments, fileOffsetOf, diagnostics) are relative to its slice:
 * add sliceOffsets[i] (see `inFatFile`) to show them as offsets in the fat file.
 */
export function parseFat(bytes: Uint8Array): FatFile | null {
  const reader = new ByteReader(bytes, false);
  if (!reader.has(0, 8)) return null;
  const magic = reader.u32(0);
  if (magic !== FAT_MAGIC && magic !== FAT_MAGIC_64) return null;
  const count = reader.u32(4);
  if (magic === FAT_MAGIC && isJavaClass(reader, count)) return null;
  if (count === 0) throw new FormatError(4, 'fat header lists no slices');
  if (count > MAX_FAT_ARCHES) {
    throw new FormatError(4, `nfat_arch ${count} is more than the ${MAX_FAT_ARCHES} this reader accepts`);
  }
  const layout = magic === FAT_MAGIC_64 ? FAT_ARCH_64 : FAT_ARCH;
  reader.check(8, count * layout.entrySize, 'fat arch table');
  const result: FatFile = { exes: [], sliceOffsets: [], diagnostics: [] };
  for (let index = 0; index < count; index++) {
    const at = 8 + index * layout.entrySize;
    const slice = guarded('macho', result.diagnostics, () => readSlice(reader, at, layout.word, index), null);
    if (slice === null) continue;
    result.exes.push(slice.exe);
    result.sliceOffsets.push(slice.offset);
  }
  if (result.exes.length === 0) {
    const first = result.diagnostics[0];
    throw new FormatError(first?.offset ?? 8, `no slice of the fat file could be read: ${first?.message ?? ''}`);
  }
  return result;
}

/**
 * Java class files start with 0xcafebabe too, then minor and major versions where nfat_arch would be. No fat
 * file has 45 or more slices, and the word after a real count is a CPU type, whose middle bytes are zero; in a
 * class file that word holds the constant pool count and a non-zero tag.
 */
function isJavaClass(reader: ByteReader, count: number): boolean {
  if (count < FIRST_JAVA_MAJOR) return false;
  if (!reader.has(8, 4)) return true;
  return (reader.u32(8) & 0x00ffff00) !== 0;
}

function readSlice(reader: ByteReader, at: number, word: number, index: number): { exe: Exe; offset: number } {
  const cputype = reader.u32(at);
  const offset = reader.word(at + 8, word);
  const size = reader.word(at + (word === 8 ? 16 : 12), word);
  const what = `slice ${index} (${cpuName(cputype)})`;
  const bytes = reader.slice(offset, size, what);
  let exe: Exe | null;
  try {
    exe = parseMachO(bytes);
  } catch (error) {
    // The slice reader speaks in slice offsets; the fat-level diagnostic speaks in file offsets.
    if (error instanceof FormatError) throw new FormatError(offset + error.offset, `${what}: ${error.message}`);
    throw error;
  }
  if (exe === null) throw new FormatError(offset, `${what} at ${hex(offset)} is not a Mach-O file`);
  if (cpuName(cputype) !== exe.arch) {
    exe.diagnostics.push({
      level: 'warning',
      source: 'macho',
      offset: 0,
      message: `fat header says ${cpuName(cputype)} but the slice's own header says ${exe.arch}`,
    });
  }
  return { exe, offset };
}

/** A slice-relative file offset as an offset in the fat file, for display. */
export function inFatFile(sliceOffset: number, offsetInSlice: number): number {
  return sliceOffset + offsetInSlice;
}

/** A section with its file offset moved from slice-relative to fat-file-relative, for display. */
export function sectionInFatFile(section: ExeSection, sliceOffset: number): ExeSection {
  return section.fileSize === 0 && section.offset === 0
    ? section
    : { ...section, offset: sliceOffset + section.offset };
}
