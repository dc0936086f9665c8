import { FormatError, guarded, type Diagnostic } from '../../io/errors';
import { MAX_DYNAMIC_ENTRIES } from '../../io/limits';
import { hex } from '../../io/reader';
import type { ElfContext } from './context';
import { SHT_DYNAMIC, stringTableOf } from './sections';
import { PT_DYNAMIC } from './segments';
import { StringTable } from './strings';
import { readTable } from './table';

const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_RPATH = 15;
const DT_TEXTREL = 22;
const DT_BIND_NOW = 24;
const DT_RUNPATH = 29;
const DT_FLAGS = 30;
const DT_FLAGS_1 = 0x6ffffffb;
export const DT_VERNEED = 0x6ffffffe;
export const DT_VERNEEDNUM = 0x6fffffff;

const DF_TEXTREL = 0x4;
const DF_BIND_NOW = 0x8;
const DF_1_NOW = 0x1;
const DF_1_PIE = 0x08000000;

export interface DynamicEntry {
  tag: number;
  value: number;
}

export interface DynamicInfo {
  /** True when the file has a PT_DYNAMIC segment or a SHT_DYNAMIC section, readable or not. */
  present: boolean;
  /** Entries up to (not including) DT_NULL. */
  entries: DynamicEntry[];
  /** The table DT_NEEDED and friends index into; null when it could not be found. */
  strings: StringTable | null;
}

interface DynamicLocation {
  offset: number;
  size: number;
  /** sh_link of the SHT_DYNAMIC section (its string table), 0 when there is no section. */
  link: number;
}

/** Like the dynamic loader, prefer PT_DYNAMIC; a file without program headers (an object) has only the section. */
function dynamicLocation(ctx: ElfContext): DynamicLocation | null {
  const segment = ctx.segments.find((s) => s.type === PT_DYNAMIC);
  const section = ctx.sections.find((s) => s?.type === SHT_DYNAMIC);
  if (segment) return { offset: segment.offset, size: segment.fileSize, link: section?.link ?? 0 };
  if (section) return { offset: section.offset, size: section.size, link: section.link };
  return null;
}

export function readDynamic(ctx: ElfContext): DynamicInfo {
  const location = dynamicLocation(ctx);
  if (!location) return { present: false, entries: [], strings: null };
  const entries = guarded('elf', ctx.diagnostics, () => readDynamicEntries(ctx, location), []);
  const strings =
    entries.length === 0 ? null : guarded('elf', ctx.diagnostics, () => dynamicStrings(ctx, entries, location), null);
  return { present: true, entries, strings };
}

function readDynamicEntries(ctx: ElfContext, location: DynamicLocation): DynamicEntry[] {
  const { reader, header } = ctx;
  const { wordSize, dynamic } = header.layout;
  const spec = {
    what: 'dynamic section',
    offset: location.offset,
    count: Math.floor(location.size / dynamic.size),
    stride: dynamic.size,
    entrySize: dynamic.size,
    max: MAX_DYNAMIC_ENTRIES,
  };
  const entries = readTable(
    reader,
    spec,
    (at) => ({
      tag: reader.word(at, wordSize),
      value: reader.word(at + dynamic.value, wordSize),
    }),
    ctx.diagnostics,
  );
  const live: DynamicEntry[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.tag === DT_NULL) break;
    live.push(entry);
  }
  return live;
}

export function dynamicValue(entries: readonly DynamicEntry[], tag: number): number | undefined {
  return entries.find((entry) => entry.tag === tag)?.value;
}

/**
 * DT_STRTAB is a virtual address, which is all a file without section headers offers; with sections, the dynamic
 * section's sh_link is the fallback when the address maps nowhere.
 */
function dynamicStrings(ctx: ElfContext, entries: DynamicEntry[], location: DynamicLocation): StringTable {
  const address = dynamicValue(entries, DT_STRTAB);
  const offset = address === undefined ? -1 : ctx.addressMap.fileOffsetOf(address);
  if (offset >= 0) {
    const size = dynamicValue(entries, DT_STRSZ) ?? ctx.reader.length - offset;
    return new StringTable(ctx.reader, offset, size, 'dynamic string table');
  }
  if (location.link !== 0) return stringTableOf(ctx.reader, ctx.sections, location.link, 'dynamic string table');
  const where = address === undefined ? 'no DT_STRTAB entry' : `DT_STRTAB ${hex(address)} maps to no file bytes`;
  throw new FormatError(location.offset, `dynamic section strings cannot be found: ${where}`);
}

export interface DynamicLinkage {
  needed: string[];
  rpath: string[];
  runpath: string[];
}

/** DT_NEEDED, DT_RPATH and DT_RUNPATH in file order; search paths split at ':' into directories. */
export function dynamicLinkage(dynamic: DynamicInfo, diagnostics: Diagnostic[]): DynamicLinkage {
  const strings = dynamic.strings;
  const stringsOf = (tag: number): string[] => {
    if (!strings) return [];
    const values = dynamic.entries.filter((entry) => entry.tag === tag).map((entry) => strings.lookup(entry.value));
    return values.filter((value): value is string => value !== null);
  };
  const linkage = {
    needed: stringsOf(DT_NEEDED),
    rpath: stringsOf(DT_RPATH).flatMap((path) => path.split(':')),
    runpath: stringsOf(DT_RUNPATH).flatMap((path) => path.split(':')),
  };
  strings?.report(diagnostics, 'dynamic-section names');
  return linkage;
}

/** Hardening inputs: lazy binding off, the PIE marker, relocations against text. */
export function dynamicFlags(entries: readonly DynamicEntry[]): {
  bindNow: boolean;
  pieFlag: boolean;
  textrel: boolean;
} {
  const has = (tag: number): boolean => entries.some((entry) => entry.tag === tag);
  // Only the low 32 bits carry defined flags; `%` keeps a 64-bit value from being mangled by 32-bit bit operations.
  const flags = (dynamicValue(entries, DT_FLAGS) ?? 0) % 2 ** 32;
  const flags1 = (dynamicValue(entries, DT_FLAGS_1) ?? 0) % 2 ** 32;
  return {
    bindNow: has(DT_BIND_NOW) || (flags & DF_BIND_NOW) !== 0 || (flags1 & DF_1_NOW) !== 0,
    pieFlag: (flags1 & DF_1_PIE) !== 0,
    textrel: has(DT_TEXTREL) || (flags & DF_TEXTREL) !== 0,
  };
}
