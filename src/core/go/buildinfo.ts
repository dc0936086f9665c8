import type { Exe } from '../formats/exe';
import { diagnosticFrom, FormatError, guarded, type Diagnostic } from '../io/errors';
import { ByteReader, decodeUtf8, hex } from '../io/reader';
import type { GoBuildInfo } from '../report/types';
import { parseModinfo, type Modinfo } from './modinfo';
import {
  fileRegion,
  mappedRegion,
  namedSectionRegion,
  offsetInFile,
  regionReader,
  sectionRegion,
  type Region,
} from './regions';
import { bytesOf, eachMatch, findBytes } from './search';

/**
 * Go build information: the 32-byte header the linker writes (section .go.buildinfo / __go_buildinfo, or the
 * first writable data), followed by the Go version and the module text; or, when the header is gone, the module
 * text carved out from between the sentinels the go command wraps it in. Layouts: shared/GO-FORMATS.md §1.
 */
export const BUILDINFO_MAGIC = bytesOf('ff 20 47 6f 20 62 75 69 6c 64 69 6e 66 3a');
export const MODINFO_START = bytesOf('30 77 af 0c 92 74 08 02 41 e1 c1 07 e6 d6 18 e6');
export const MODINFO_END = bytesOf('f9 32 43 31 86 18 20 72 00 82 42 10 41 16 d8 f2');

const HEADER_SIZE = 32;
const HEADER_ALIGN = 16;
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE = 2;
const SENTINEL_SIZE = 16;
/** Larger than any real module list (kubectl's is ~20 KiB); a hostile length fails before it is sliced. */
export const MAX_MODINFO_LEN = 4 * 1024 * 1024;
export const MAX_VERSION_LEN = 1024;

const SECTION_NAMES = ['.go.buildinfo', '__go_buildinfo'];

export interface BuildInfoResult {
  /** "go1.19.8"; null when carved (the version then has to come from elsewhere). */
  version: string | null;
  info: GoBuildInfo;
}

/** A string's bytes and where they start in the file (-1 when unknown). */
interface Piece {
  bytes: Uint8Array;
  fileOffset: number;
}

/** Regions to search for the header, most specific first (GO-FORMATS §1 "Region to search"). */
function headerRegions(exe: Exe | null, file: Uint8Array): Region[] {
  const regions: Region[] = [];
  const named = namedSectionRegion(exe, SECTION_NAMES, file);
  if (named) regions.push(named);
  if (exe) {
    const dataRegion = writableDataRegion(exe, file);
    if (dataRegion) regions.push(dataRegion);
  }
  regions.push(fileRegion(file));
  return regions;
}

/** ELF/Mach-O: the first writable, non-executable segment; PE: the first initialized, writable data section. */
function writableDataRegion(exe: Exe, file: Uint8Array): Region | null {
  if (exe.format === 'pe') {
    const section = exe.sections.find(
      (s) => s.address !== 0 && s.size !== 0 && s.kind === 'data' && s.flags.includes('W') && !s.flags.includes('X'),
    );
    return section ? sectionRegion(exe, section, file) : null;
  }
  const segment = exe.segments.find(
    (s) => s.fileSize > 0 && s.writable && !s.executable && (exe.format !== 'elf' || s.type === 'LOAD'),
  );
  return segment ? mappedRegion(exe, segment.type || 'segment', segment.address, segment.fileSize, file) : null;
}

/** The first 16-aligned header in the regions, with the region it was found in. */
function findHeader(exe: Exe | null, file: Uint8Array): { region: Region; at: number } | null {
  for (const region of headerRegions(exe, file)) {
    const at = eachMatch(
      region.data,
      BUILDINFO_MAGIC,
      HEADER_ALIGN,
      (start) => start + HEADER_SIZE <= region.data.length,
    );
    if (at >= 0) return { region, at };
  }
  return null;
}

function readInlineString(
  reader: ByteReader,
  offset: number,
  max: number,
  what: string,
): { piece: Piece; next: number } {
  const { value: length, next } = reader.uvarint(offset);
  if (length > max || !reader.has(next, length)) {
    throw new FormatError(offset, `${what} length ${length} at ${hex(offset)} is larger than the data holding it`);
  }
  return { piece: { bytes: reader.slice(next, length), fileOffset: next }, next: next + length };
}

/** How the pointer format's words are read, and where its header sits for error offsets. */
interface PointerLayout {
  exe: Exe | null;
  file: Uint8Array;
  ptrSize: number;
  littleEndian: boolean;
  headerOffset: number;
}

/**
 * A pointer word of the pointer format: through the Exe's relocations when its word size matches (a PIE stores
 * these as relocations), else as the build info's own header says it is stored.
 */
function pointerWord(layout: PointerLayout, address: number | null, stored: () => number): number {
  const { exe, ptrSize } = layout;
  const relocated = exe && address !== null && exe.bits / 8 === ptrSize ? exe.pointerAt(address) : null;
  return relocated ?? stored();
}

/** Pointer format (Go ≤ 1.17): a {data, len} string header at a virtual address. */
function readPointedString(layout: PointerLayout, address: number, max: number, what: string): Piece {
  const { exe, ptrSize, headerOffset } = layout;
  if (!exe)
    throw new FormatError(headerOffset, `${what}: pointer-format build info needs the executable's address map`);
  const header = exe.readAt(address, 2 * ptrSize);
  if (!header || header.length < 2 * ptrSize) {
    throw new FormatError(headerOffset, `${what}: string header at address ${hex(address)} is not mapped`);
  }
  const headerReader = new ByteReader(header, layout.littleEndian);
  const dataAddress = pointerWord(layout, address, () => headerReader.word(0, ptrSize));
  const length = headerReader.word(ptrSize, ptrSize);
  if (length > max) throw new FormatError(headerOffset, `${what} length ${length} is too large`);
  const bytes = length === 0 ? new Uint8Array(0) : exe.readAt(dataAddress, length);
  if (!bytes || bytes.length < length) {
    throw new FormatError(headerOffset, `${what} at address ${hex(dataAddress)} is not in the file`);
  }
  return { bytes, fileOffset: offsetInFile(layout.file, bytes) };
}

/** The version string, and a reader for the module text (read separately so a bad one keeps the version). */
interface HeaderStrings {
  version: Piece;
  modinfo: () => Piece;
}

function readHeaderStrings(exe: Exe | null, file: Uint8Array, region: Region, at: number): HeaderStrings {
  const { reader, base } = regionReader(region, file);
  const start = base + at;
  const ptrSize = reader.u8(start + 14);
  const flags = reader.u8(start + 15);
  if (flags & FLAG_INLINE) {
    const version = readInlineString(reader, start + HEADER_SIZE, MAX_VERSION_LEN, 'Go version');
    return {
      version: version.piece,
      modinfo: () => readInlineString(reader, version.next, MAX_MODINFO_LEN, 'module info').piece,
    };
  }
  if (ptrSize !== 4 && ptrSize !== 8)
    throw new FormatError(start + 14, `build info pointer size ${ptrSize} is not 4 or 8`);
  const littleEndian = (flags & FLAG_BIG_ENDIAN) === 0;
  const pointers = reader.withEndian(littleEndian);
  const layout: PointerLayout = { exe, file, ptrSize, littleEndian, headerOffset: start };
  const headerAddress = region.address === null ? null : region.address + at;
  const headerWord = (field: number): number =>
    pointerWord(layout, headerAddress === null ? null : headerAddress + field, () =>
      pointers.word(start + field, ptrSize),
    );
  return {
    version: readPointedString(layout, headerWord(16), MAX_VERSION_LEN, 'Go version'),
    modinfo: () => readPointedString(layout, headerWord(16 + ptrSize), MAX_MODINFO_LEN, 'module info'),
  };
}

function emptyModinfo(): Modinfo {
  return { path: '', main: null, deps: [], settings: [] };
}

/** The module text is used only when framed by its 16-byte sentinels (a newline just before the end one). */
function unframe(modinfo: Piece): Piece | null {
  const length = modinfo.bytes.length;
  if (length < 2 * SENTINEL_SIZE + 1 || modinfo.bytes[length - SENTINEL_SIZE - 1] !== 0x0a) return null;
  return {
    bytes: modinfo.bytes.subarray(SENTINEL_SIZE, length - SENTINEL_SIZE),
    fileOffset: modinfo.fileOffset < 0 ? -1 : modinfo.fileOffset + SENTINEL_SIZE,
  };
}

function fromHeader(
  exe: Exe | null,
  file: Uint8Array,
  found: { region: Region; at: number },
  diagnostics: Diagnostic[],
): BuildInfoResult | null {
  const strings = readHeaderStrings(exe, file, found.region, found.at);
  const version = decodeUtf8(strings.version.bytes);
  if (version === '') return null; // GO-FORMATS §1: an empty version means this is not Go build info
  const offset = found.region.fileOffset < 0 ? -1 : found.region.fileOffset + found.at;
  try {
    const text = unframe(strings.modinfo());
    const modinfo = text ? parseModinfo(text.bytes, text.fileOffset) : emptyModinfo();
    return { version, info: { ...modinfo, source: 'header', offset } };
  } catch (error) {
    diagnostics.push(diagnosticFrom('buildinfo', error));
  }
  // The header's module text is unreadable; runtime.modinfo's copy in the data may still be whole.
  const carved = guarded('buildinfo', diagnostics, () => carveModinfo(file), null);
  return { version, info: carved?.info ?? { ...emptyModinfo(), source: 'header', offset } };
}

/**
 * Carving: the module text without a header (esbuild's stripped Go 1.26 binary keeps runtime.modinfo in rodata
 * but has no .go.buildinfo). Takes the first start sentinel followed by an end sentinel within the size limit.
 */
export function carveModinfo(file: Uint8Array): BuildInfoResult | null {
  let result: BuildInfoResult | null = null;
  eachMatch(file, MODINFO_START, 1, (start) => {
    const textStart = start + SENTINEL_SIZE;
    const window = file.subarray(textStart, Math.min(file.length, textStart + MAX_MODINFO_LEN));
    const end = findBytes(window, MODINFO_END);
    if (end < 1 || window[end - 1] !== 0x0a) return false;
    const modinfo = parseModinfo(window.subarray(0, end), textStart);
    result = { version: null, info: { ...modinfo, source: 'carved', offset: start } };
    return true;
  });
  return result;
}

/**
 * Reads build info: the header when there is one, else the carved module text; null when neither exists.
 * A malformed header becomes a diagnostic and carving is tried; a malformed carved text throws FormatError.
 */
export function readBuildInfo(
  exe: Exe | null,
  file: Uint8Array,
  diagnostics: Diagnostic[] = [],
): BuildInfoResult | null {
  const found = findHeader(exe, file);
  if (found) {
    try {
      const result = fromHeader(exe, file, found, diagnostics);
      if (result) return result;
    } catch (error) {
      diagnostics.push(diagnosticFrom('buildinfo', error));
    }
  }
  return carveModinfo(file);
}
