import { FormatError } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import type { ElfContext } from './context';
import { DT_VERNEED, DT_VERNEEDNUM, dynamicValue, type DynamicInfo } from './dynamic';
import { MAX_VERSION_ENTRIES } from './limits';
import { SHT_GNU_VERNEED, SHT_GNU_VERSYM, stringTableOf } from './sections';
import type { StringTable } from './strings';

/** One (library, version) pair from .gnu.version_r, with the index .gnu.version uses to refer to it. */
export interface VersionNeed {
  library: string;
  version: string;
  index: number;
}

/** Elf32_Verneed and Elf64_Verneed are the same 16 bytes, as are the Vernaux entries hanging off them. */
const VERNEED_SIZE = 16;
const VERNAUX_SIZE = 16;

interface VersionRegion {
  start: number;
  /** Entries must end by here: the section's end, or the file's when only DT_VERNEED is known. */
  end: number;
  count: number;
  strings: StringTable;
}

/**
 * From the SHT_GNU_verneed section, or through DT_VERNEED / DT_VERNEEDNUM when the file has no section headers.
 * Appends to `needs` as it goes, so the entries before a broken one survive the FormatError it throws.
 */
export function readVersionNeeds(ctx: ElfContext, dynamic: DynamicInfo, needs: VersionNeed[]): void {
  const index = ctx.sections.findIndex((s) => s?.type === SHT_GNU_VERNEED);
  const section = ctx.sections[index];
  if (section) {
    const strings = stringTableOf(ctx.reader, ctx.sections, section.link, '.gnu.version_r strings');
    const region = { start: section.offset, end: section.offset + section.size, count: section.info, strings };
    walkVersionNeeds(ctx, region, needs);
    return;
  }
  const address = dynamicValue(dynamic.entries, DT_VERNEED);
  if (address === undefined) return;
  const start = ctx.addressMap.fileOffsetOf(address);
  if (start < 0) throw new FormatError(0, `DT_VERNEED ${hex(address)} maps to no file bytes`);
  if (!dynamic.strings) throw new FormatError(start, 'version needs found but no dynamic string table');
  const count = dynamicValue(dynamic.entries, DT_VERNEEDNUM) ?? 0;
  walkVersionNeeds(ctx, { start, end: ctx.reader.length, count, strings: dynamic.strings }, needs);
}

/**
 * Entries link forward by unsigned byte offsets, so a chain cannot revisit an entry, but counts and links can still
 * make it long (every Verneed pointing at the same Vernaux list): one budget bounds the whole walk.
 */
function walkVersionNeeds(ctx: ElfContext, region: VersionRegion, needs: VersionNeed[]): void {
  const reader = ctx.reader;
  const budget = { remaining: MAX_VERSION_ENTRIES };
  let at = region.start;
  for (let i = 0; i < region.count; i++) {
    takeEntry(reader, region, at, VERNEED_SIZE, budget);
    const auxCount = reader.u16(at + 2);
    const library = region.strings.lookup(reader.u32(at + 4));
    walkVersionAux(reader, region, { at: at + reader.u32(at + 8), auxCount, library, budget }, needs);
    const next = reader.u32(at + 12);
    if (next === 0) break;
    at += next;
  }
  region.strings.report(ctx.diagnostics, 'version names');
}

interface AuxWalk {
  at: number;
  auxCount: number;
  library: string | null;
  budget: { remaining: number };
}

function walkVersionAux(reader: ByteReader, region: VersionRegion, walk: AuxWalk, needs: VersionNeed[]): void {
  let at = walk.at;
  for (let j = 0; j < walk.auxCount; j++) {
    takeEntry(reader, region, at, VERNAUX_SIZE, walk.budget);
    const index = reader.u16(at + 6);
    const version = region.strings.lookup(reader.u32(at + 8));
    if (walk.library !== null && version !== null) needs.push({ library: walk.library, version, index });
    const next = reader.u32(at + 12);
    if (next === 0) break;
    at += next;
  }
}

function takeEntry(
  reader: ByteReader,
  region: VersionRegion,
  at: number,
  size: number,
  budget: { remaining: number },
): void {
  if (budget.remaining-- <= 0) throw new FormatError(at, `version needs chain is longer than ${MAX_VERSION_ENTRIES}`);
  if (at + size > region.end) throw new FormatError(at, `version needs entry at ${hex(at)} runs past its section`);
  reader.check(at, size, 'version needs entry');
}

/**
 * For the dynamic symbol table at `symtabIndex`, the version name each symbol needs ("GLIBC_2.34"), from the
 * .gnu.version entry parallel to it; null when the file has no such section.
 */
export function symbolVersionLookup(
  ctx: ElfContext,
  symtabIndex: number,
  needs: readonly VersionNeed[],
): ((symbolIndex: number) => string | undefined) | null {
  const versym = ctx.sections.find((s) => s?.type === SHT_GNU_VERSYM && s.link === symtabIndex);
  if (!versym || needs.length === 0) return null;
  ctx.reader.check(versym.offset, versym.size, '.gnu.version');
  const byIndex = new Map(needs.map((need) => [need.index, need.version]));
  return (symbolIndex) => {
    if ((symbolIndex + 1) * 2 > versym.size) return undefined;
    // Bit 15 marks a hidden symbol; the version index is the rest.
    return byIndex.get(ctx.reader.u16(versym.offset + symbolIndex * 2) & 0x7fff);
  };
}
