import type { Exe, ExeSection } from '../formats/exe';
import { ByteReader, decodeLatin1 } from '../io/reader';
import { bytesOf, findBytes } from './search';

/**
 * runtime.buildVersion found through its string header when there are no symbols. Not every linker leaves the
 * version's bytes NUL-framed: Go 1.26's darwin/arm64 output packs "go1.26.5" right after other string bytes
 * ("Cgo1.26.5"), so a byte scan alone cannot tell where it starts. A Go string header {ptr, len} in the data
 * sections that points exactly at a "go1." and whose length covers a whole version is the variable itself.
 */

const GO1 = bytesOf('67 6f 31 2e'); // "go1."
/** A release ("go1.26.5", "go1.21rc2") or a devel/experiment string ("go1.25-20250209-RC00 cl/… X:…"). */
const WHOLE_VERSION = /^go1\.(\d+)(?:(?:\.\d+)?(?:(?:beta|rc)\d+)?)(?:[ +-][\x20-\x7e]*)?$/;
const MIN_VERSION_LENGTH = 'go1.2'.length;
const MAX_VERSION_LENGTH = 200;
/** "go1." positions kept from read-only data; a file full of them stops counting there. */
const MAX_TARGETS = 10_000;
/** Words looked at across the data sections; Go's .data and .noptrdata are far smaller in practice. */
const MAX_DATA_WORDS = 4_000_000;

function go1Addresses(exe: Exe): Set<number> {
  const targets = new Set<number>();
  for (const section of exe.sections) {
    if (section.kind !== 'rodata' || section.address === 0) continue;
    const data = exe.sectionData(section);
    if (!data) continue;
    for (let at = findBytes(data, GO1); at >= 0 && targets.size < MAX_TARGETS; at = findBytes(data, GO1, at + 1)) {
      targets.add(section.address + at);
    }
  }
  return targets;
}

/** A length word, or -1 when it cannot be one (most data words are not lengths; past 2^32 none is a version's). */
function lengthAt(reader: ByteReader, at: number, ptrSize: number, littleEndian: boolean): number {
  if (ptrSize === 4) return reader.u32(at);
  const high = reader.u32(littleEndian ? at + 4 : at);
  return high === 0 ? reader.u32(littleEndian ? at : at + 4) : -1;
}

function headersIn(exe: Exe, section: ExeSection, targets: Set<number>, budget: { words: number }): string[] {
  const data = exe.sectionData(section);
  if (!data) return [];
  const ptrSize = exe.bits / 8;
  const reader = new ByteReader(data, exe.littleEndian);
  const found: string[] = [];
  for (let at = 0; at + 2 * ptrSize <= data.length && budget.words > 0; at += ptrSize, budget.words--) {
    // The length is read first: it is cheap and rules out almost every word before pointerAt is asked.
    const length = lengthAt(reader, at + ptrSize, ptrSize, exe.littleEndian);
    if (length < MIN_VERSION_LENGTH || length > MAX_VERSION_LENGTH) continue;
    const target = exe.pointerAt(section.address + at);
    if (target === null || !targets.has(target)) continue;
    const bytes = exe.readAt(target, length);
    if (!bytes || bytes.length < length) continue;
    const text = decodeLatin1(bytes);
    if (WHOLE_VERSION.test(text)) found.push(text);
  }
  return found;
}

/** The version a data-section string header points at, within minor bounds (the pclntab's band); else null. */
export function versionFromStringHeaders(exe: Exe | null, { min, max }: { min: number; max: number }): string | null {
  if (!exe) return null;
  const targets = go1Addresses(exe);
  if (targets.size === 0) return null;
  const budget = { words: MAX_DATA_WORDS };
  const counts = new Map<string, number>();
  for (const section of exe.sections) {
    if (section.kind !== 'data' || section.address === 0) continue;
    for (const text of headersIn(exe, section, targets, budget)) {
      const minor = Number(WHOLE_VERSION.exec(text)![1]);
      if (minor >= min && minor <= max) counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? null;
}
