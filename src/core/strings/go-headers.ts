import type { Exe, ExeSection } from '../formats/exe';
import { FixupCursor } from '../formats/pointers';

/** A Go string literal located by a {ptr,len} header: [start, end) in file offsets. */
export interface GoSpan {
  start: number;
  end: number;
  /** Virtual address of the header that points at it: the data that refers to the literal. */
  holder: number;
}

/** Longer "literals" are tables or blobs, not text a person wants cut out as one string. */
export const MAX_GO_STRING_LEN = 64 * 1024;
/** Headers kept per file; a hostile data section full of plausible pairs stops here. */
export const MAX_GO_HEADERS = 2_000_000;

// Sections that hold no string headers but are large enough to cost time and yield look-alike pairs. Relocation
// tables start with ".rel"; ".data.rel.ro" is where a PIE keeps its string headers and must be scanned.
const SKIPPED_SECTIONS = /pclntab|typelink|itablink|gosymtab|\.debug|__debug|eh_frame|^\.rel|\.dyn|\.got/i;

interface Target {
  address: number;
  end: number;
  offset: number;
}

function targetsOf(exe: Exe, base: number): Target[] {
  return exe.sections
    .filter((s) => s.kind === 'rodata' && s.address > 0 && s.fileSize > 0 && !SKIPPED_SECTIONS.test(s.name))
    .map((s) => ({ address: s.address, end: s.address + s.fileSize, offset: base + s.offset }))
    .sort((a, b) => a.address - b.address);
}

function holderSections(exe: Exe): ExeSection[] {
  return exe.sections.filter(
    (s) =>
      (s.kind === 'data' || s.kind === 'rodata') && s.address > 0 && s.fileSize > 0 && !SKIPPED_SECTIONS.test(s.name),
  );
}

function targetFor(targets: Target[], address: number): Target | null {
  let low = 0;
  let high = targets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const target = targets[middle]!;
    if (address < target.address) high = middle - 1;
    else if (address >= target.end) low = middle + 1;
    else return target;
  }
  return null;
}

/**
 * Collects {ptr,len} pairs at pointer-aligned places in data and read-only data whose pointer lands in
 * read-only data and whose bytes read as text. Go stores literals back to back without separators, so these
 * headers are the only record of where one literal ends and the next begins.
 */
export function collectGoSpans(exe: Exe, file: Uint8Array, base = 0): GoSpan[] {
  const targets = targetsOf(exe, base);
  if (targets.length === 0) return [];
  const spans: GoSpan[] = [];
  for (const section of holderSections(exe)) {
    const data = exe.sectionData(section);
    if (!data) continue;
    scanHolder(exe, data, section.address, targets, file, spans);
    if (spans.length >= MAX_GO_HEADERS) break;
  }
  return spans;
}

function scanHolder(
  exe: Exe,
  data: Uint8Array,
  address: number,
  targets: Target[],
  file: Uint8Array,
  spans: GoSpan[],
): void {
  const wordSize = exe.bits === 64 ? 8 : 4;
  const little = exe.littleEndian;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const low = targets[0]!.address;
  const high = targets[targets.length - 1]!.end;
  const first = (wordSize - (address % wordSize)) % wordSize;
  // PIE and chained-fixup builds store pointers relocated or encoded; the fixups give the address the loader writes.
  // Most executables have none, and their loop skips the lookup.
  const fixups = exe.pointerFixups.slots.length > 0 ? new FixupCursor(exe.pointerFixups) : null;
  fixups?.seek(address);
  const end = data.byteLength - 2 * wordSize;
  for (let at = first; at <= end; at += wordSize) {
    const pointer = (fixups && fixups.targetAt(address + at)) ?? readWord(view, at, wordSize, little);
    if (pointer < low || pointer >= high) continue;
    const length = readWord(view, at + wordSize, wordSize, little);
    if (length < 1 || length > MAX_GO_STRING_LEN) continue;
    const target = targetFor(targets, pointer);
    if (!target || pointer + length > target.end) continue;
    const start = target.offset + (pointer - target.address);
    if (!isText(file, start, start + length)) continue;
    spans.push({ start, end: start + length, holder: address + at });
    if (spans.length >= MAX_GO_HEADERS) return;
  }
}

/** A pointer-sized word; -1 for 64-bit values beyond 2^53, which no file offset or address here reaches. */
function readWord(view: DataView, at: number, size: number, little: boolean): number {
  if (size === 4) return view.getUint32(at, little);
  const lowWord = view.getUint32(little ? at : at + 4, little);
  const highWord = view.getUint32(little ? at + 4 : at, little);
  return highWord >= 0x200000 ? -1 : highWord * 0x1_0000_0000 + lowWord;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Printable ASCII, tab/newline/CR, or well-formed UTF-8. */
export function isText(file: Uint8Array, start: number, end: number): boolean {
  if (start < 0 || end > file.length) return false;
  let high = false;
  for (let i = start; i < end; i++) {
    const byte = file[i]!;
    if (byte >= 0x80) high = true;
    else if (byte < 0x20 ? byte !== 9 && byte !== 10 && byte !== 13 : byte === 0x7f) return false;
  }
  if (!high) return true;
  try {
    strictUtf8.decode(file.subarray(start, end));
    return true;
  } catch {
    return false;
  }
}
