import type { Exe } from '../formats/exe';
import { ByteReader, decodeLatin1 } from '../io/reader';
import type { GoReport } from '../report/types';
import { sectionRegion } from './regions';
import { bytesOf, findBytes } from './search';
import { versionFromStringHeaders } from './version-headers';
import { MODULE_SECTION_NAMES } from './textstart';

/**
 * The Go version when build info has none (carved, or no build info at all), GO-FORMATS §4:
 *  1. runtime.buildVersion, read through its string header: found by symbol when there are symbols, else as a
 *     string header in the data sections that points at a whole "go1." version (version-headers.ts);
 *  2. "go1.N[.P][betaK|rcK]" in read-only data: the linker stores runtime.buildVersion's bytes NUL-terminated, so a
 *     match with a NUL on both sides (or a NUL before and a printable run up to the next NUL, as in devel builds
 *     "go1.25-20250209-RC00 cl/… X:…") is the version itself; other matches are file names, messages, GODEBUG
 *     notes. Candidates outside the pclntab's version band are dropped; the best-scored, then most frequent,
 *     then highest wins;
 *  3. the pclntab magic's band, e.g. "go1.20+" ("go1.26+" with a .go.module section, see narrowBand). A band is
 *     a range, not a version: it goes in `range` and `version` stays null.
 */
export type VersionSource = NonNullable<GoReport['versionSource']>;

export interface GoVersion {
  version: string | null;
  source: VersionSource | null;
  /** The releases the pclntab layout allows, e.g. "go1.18-1.19" or "go1.26+"; null when no pclntab was read. */
  range: string | null;
}

interface Candidate {
  /** What the binary says: the whole NUL-terminated string when there is one, else the regex match. */
  value: string;
  minor: number;
  /** Release order within the minor: beta < rc < release, then the beta, rc or patch number. */
  stage: [number, number];
  score: number;
}

const STAGES: Record<string, number> = { beta: 0, rc: 1 };
const RELEASE_STAGE = 2;

const GO1 = bytesOf('67 6f 31 2e'); // "go1."
const VERSION_PATTERN = /^go1\.(\d+)(\.\d+)?((beta|rc)\d+)?/;
const MAX_VERSION_STRING = 200;
/** Version strings kept from one scan; a file full of "go1." stops counting there. */
const MAX_CANDIDATES = 10_000;
/** The oldest release with a pclntab this code reads (the 1.2 layout). */
const MIN_MINOR = 2;

function isAlnum(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a));
}

function printableRunTo(bytes: Uint8Array, start: number): number {
  const limit = Math.min(bytes.length, start + MAX_VERSION_STRING);
  for (let at = start; at < limit; at++) {
    const byte = bytes[at]!;
    if (byte === 0) return at;
    if (byte < 0x20 || byte > 0x7e) return -1;
  }
  return -1;
}

function candidateAt(bytes: Uint8Array, at: number): Candidate | null {
  if (isAlnum(bytes[at - 1])) return null;
  const head = decodeLatin1(bytes.subarray(at, Math.min(bytes.length, at + 32)));
  const match = VERSION_PATTERN.exec(head);
  if (!match) return null;
  const minor = Number(match[1]);
  const stage: [number, number] = match[4]
    ? [STAGES[match[4]]!, Number(match[3]!.slice(match[4].length))]
    : [RELEASE_STAGE, match[2] ? Number(match[2].slice(1)) : 0];
  const afterNul = at === 0 || bytes[at - 1] === 0;
  const end = afterNul ? printableRunTo(bytes, at) : -1;
  if (end < 0) return { value: match[0], minor, stage, score: 0 };
  const whole = decodeLatin1(bytes.subarray(at, end));
  return { value: whole, minor, stage, score: whole === match[0] ? 2 : 1 };
}

/** Every "go1." version string in `bytes`. */
export function versionCandidates(bytes: Uint8Array): Candidate[] {
  const found: Candidate[] = [];
  for (let at = findBytes(bytes, GO1); at >= 0 && found.length < MAX_CANDIDATES; at = findBytes(bytes, GO1, at + 1)) {
    const candidate = candidateAt(bytes, at);
    if (candidate) found.push(candidate);
  }
  return found;
}

/** "1.20+" or "1.18-1.19" as inclusive minor bounds. */
export function bandBounds(band: string): { min: number; max: number } {
  const match = /^1\.(\d+)(?:\+|-1\.(\d+))$/.exec(band);
  if (!match) return { min: MIN_MINOR, max: Infinity };
  return { min: Number(match[1]), max: match[2] === undefined ? Infinity : Number(match[2]) };
}

export function pickVersion(candidates: Candidate[], band: string | null): string | null {
  const { min, max } = band ? bandBounds(band) : { min: MIN_MINOR, max: Infinity };
  const tally = new Map<string, { candidate: Candidate; count: number }>();
  for (const candidate of candidates) {
    if (candidate.minor < Math.max(min, MIN_MINOR) || candidate.minor > max) continue;
    const seen = tally.get(candidate.value);
    if (seen) seen.count++;
    else tally.set(candidate.value, { candidate, count: 1 });
  }
  const ranked = [...tally.values()].sort(
    (a, b) =>
      b.candidate.score - a.candidate.score ||
      b.count - a.count ||
      b.candidate.minor - a.candidate.minor ||
      b.candidate.stage[0] - a.candidate.stage[0] ||
      b.candidate.stage[1] - a.candidate.stage[1],
  );
  return ranked[0]?.candidate.value ?? null;
}

/** runtime.buildVersion through its {ptr, len} header in .data; needs symbols. */
export function versionFromSymbol(exe: Exe | null): string | null {
  const symbol = exe?.symbols.find((s) => s.name === 'runtime.buildVersion' && !s.dynamic && s.address !== 0);
  if (!exe || !symbol) return null;
  const ptrSize = exe.bits / 8;
  const header = exe.readAt(symbol.address, 2 * ptrSize);
  if (!header || header.length < 2 * ptrSize) return null;
  const reader = new ByteReader(header, exe.littleEndian);
  const length = reader.word(ptrSize, ptrSize);
  if (length === 0 || length > MAX_VERSION_STRING) return null;
  // pointerAt: a PIE or chained-fixup build stores this word as a relocation.
  const bytes = exe.readAt(exe.pointerAt(symbol.address) ?? reader.word(0, ptrSize), length);
  if (!bytes || bytes.length < length) return null;
  const text = decodeLatin1(bytes);
  return /^(go1\.|devel )/.test(text) ? text : null;
}

/** Read-only data sections, or the whole file when there are none to go by. */
function stringRegions(exe: Exe | null, file: Uint8Array): Uint8Array[] {
  const regions = (exe?.sections ?? [])
    .filter((s) => s.kind === 'rodata')
    .map((s) => sectionRegion(exe!, s, file)?.data)
    .filter((data): data is Uint8Array => data !== undefined);
  return regions.length > 0 ? regions : [file];
}

export function versionFromStrings(exe: Exe | null, file: Uint8Array, band: string | null): string | null {
  const candidates = stringRegions(exe, file).flatMap((data) => versionCandidates(data));
  return pickVersion(candidates, band);
}

/**
 * Go 1.27 moved type descriptors and itabs into a section of their own (relro in PIE builds) and dropped the
 * typelink/itablink sections; no earlier release writes one.
 */
const TYPE_SECTION_NAMES = ['.go.type', '.data.rel.ro.go.type', '__go_type'];

/**
 * GO-FORMATS §4 "Narrowing the range": the moduledata section .go.module / __go_module first appears in 1.26, the
 * type section in 1.27. PE keeps neither, so a Windows build stays at what the pclntab magic says.
 */
export function narrowBand(band: string | null, exe: Exe | null): string | null {
  if (band !== '1.20+' || !exe) return band;
  const names = new Set(exe.sections.map((s) => s.name));
  if (TYPE_SECTION_NAMES.some((name) => names.has(name))) return '1.27+';
  return MODULE_SECTION_NAMES.some((name) => names.has(name)) ? '1.26+' : band;
}

/** The version and where it came from, best source first. */
export function resolveGoVersion(
  buildVersion: string | null,
  band: string | null,
  exe: Exe | null,
  file: Uint8Array,
): GoVersion {
  const range = band ? `go${band}` : null;
  if (buildVersion) return { version: buildVersion, source: 'buildinfo', range };
  const bounds = band ? bandBounds(band) : { min: MIN_MINOR, max: Infinity };
  const found = versionFromSymbol(exe) ?? versionFromStringHeaders(exe, bounds) ?? versionFromStrings(exe, file, band);
  if (found) return { version: found, source: 'strings', range };
  return { version: null, source: null, range };
}
