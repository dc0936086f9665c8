import { FormatError, guarded } from '../../io/errors';
import { hex } from '../../io/reader';
import type { PointerFixups } from '../exe';
import { FixupCollector, MAX_RELOCATIONS } from '../pointers';
import type { ElfContext } from './context';
import { dynamicValue, type DynamicInfo } from './dynamic';
import { SHF_ALLOC } from './sections';

// Dynamic tags and section types of the three relocation table shapes (gABI; RELR from the 2022 gABI update).
const DT_RELA = 7;
const DT_RELASZ = 8;
const DT_RELAENT = 9;
const DT_REL = 17;
const DT_RELSZ = 18;
const DT_RELENT = 19;
const DT_RELRSZ = 35;
const DT_RELR = 36;
const DT_RELRENT = 37;
const SHT_RELA = 4;
const SHT_REL = 9;
const SHT_RELR = 19;

/**
 * The one relocation type per machine that means "image base + addend", the only kind that points into the image
 * itself; symbol relocations (GLOB_DAT, JUMP_SLOT) point into other libraries and are left alone.
 */
const RELATIVE_TYPE: ReadonlyMap<number, number> = new Map([
  [3, 8], // EM_386: R_386_RELATIVE
  [20, 22], // EM_PPC: R_PPC_RELATIVE
  [21, 22], // EM_PPC64: R_PPC64_RELATIVE
  [22, 12], // EM_S390: R_390_RELATIVE
  [40, 23], // EM_ARM: R_ARM_RELATIVE
  [62, 8], // EM_X86_64: R_X86_64_RELATIVE
  [183, 1027], // EM_AARCH64: R_AARCH64_RELATIVE
  [243, 3], // EM_RISCV: R_RISCV_RELATIVE
  [258, 3], // EM_LOONGARCH: R_LARCH_RELATIVE
]);

type TableKind = 'rela' | 'rel' | 'relr';

interface RelocationTable {
  kind: TableKind;
  offset: number;
  size: number;
  entrySize: number;
}

const DYNAMIC_TAGS: readonly [TableKind, number, number, number][] = [
  ['rela', DT_RELA, DT_RELASZ, DT_RELAENT],
  ['rel', DT_REL, DT_RELSZ, DT_RELENT],
  ['relr', DT_RELR, DT_RELRSZ, DT_RELRENT],
];
const SECTION_KINDS: ReadonlyMap<number, TableKind> = new Map([
  [SHT_RELA, 'rela'],
  [SHT_REL, 'rel'],
  [SHT_RELR, 'relr'],
]);

function entrySizeOf(kind: TableKind, wordSize: number): number {
  return kind === 'rela' ? 3 * wordSize : kind === 'rel' ? 2 * wordSize : wordSize;
}

/** Like the loader, the dynamic section says where the tables are; sections are the fallback without one. */
function locateTables(ctx: ElfContext, dynamic: DynamicInfo): RelocationTable[] {
  const wordSize = ctx.header.layout.wordSize;
  const tables: RelocationTable[] = [];
  for (const [kind, addressTag, sizeTag, entryTag] of DYNAMIC_TAGS) {
    const address = dynamicValue(dynamic.entries, addressTag);
    const size = dynamicValue(dynamic.entries, sizeTag);
    if (address === undefined || !size) continue;
    const offset = ctx.addressMap.fileOffsetOf(address);
    if (offset < 0) {
      ctx.diagnostics.push({
        level: 'error',
        source: 'elf',
        message: `${kind} relocation table at ${hex(address)} maps to no file bytes; its pointers are read as stored`,
      });
      continue;
    }
    const entrySize = dynamicValue(dynamic.entries, entryTag) ?? entrySizeOf(kind, wordSize);
    tables.push({ kind, offset, size, entrySize });
  }
  if (dynamic.entries.length > 0) return tables;
  for (const section of ctx.sections) {
    const kind = section && (section.flagsLow & SHF_ALLOC) !== 0 ? SECTION_KINDS.get(section.type) : undefined;
    if (section && kind) {
      tables.push({ kind, offset: section.offset, size: section.size, entrySize: entrySizeOf(kind, wordSize) });
    }
  }
  return tables;
}

/**
 * Reads words in the file's byte order, with 64-bit values as two halves so no precision is lost. Reads go
 * straight to a DataView: callers check the table's extent once, which keeps 100k+ entries cheap.
 */
class WordReader {
  private readonly view: DataView;
  private readonly little: boolean;

  constructor(
    private readonly ctx: ElfContext,
    readonly wordSize: 4 | 8,
  ) {
    const bytes = ctx.reader.bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.little = ctx.reader.littleEndian;
  }

  /** Low 32 bits of the word at a file offset already checked to lie in the file. */
  low(at: number): number {
    return this.view.getUint32(this.wordSize === 8 && !this.little ? at + 4 : at, this.little);
  }

  /** High 32 bits (0 for 32-bit files). */
  high(at: number): number {
    return this.wordSize === 4 ? 0 : this.view.getUint32(this.little ? at + 4 : at, this.little);
  }

  /** An unsigned word below 2^53, or null. */
  value(at: number): number | null {
    const high = this.high(at);
    return high >= 0x200000 ? null : high * 0x1_0000_0000 + this.low(at);
  }

  /** The word stored at a virtual address: the implicit addend of REL and RELR slots. */
  storedAt(address: number): number | null {
    const offset = this.ctx.addressMap.fileOffsetOf(address);
    return offset >= 0 && this.ctx.reader.has(offset, this.wordSize) ? this.value(offset) : null;
  }
}

/** Counts what could not be applied, for one diagnostic instead of one per entry. */
interface Tally {
  skipped: number;
  firstSkipped: number;
}

function skip(tally: Tally, at: number): void {
  if (tally.skipped++ === 0) tally.firstSkipped = at;
}

function readRelocationEntries(
  table: RelocationTable,
  words: WordReader,
  relative: number,
  out: FixupCollector,
  tally: Tally,
): void {
  const wordSize = words.wordSize;
  for (let at = table.offset; at + table.entrySize <= table.offset + table.size; at += table.entrySize) {
    // r_info keeps the type in its low 32 bits (ELF64) or low 8 bits (ELF32).
    const info = words.low(at + wordSize);
    const type = wordSize === 8 ? info : info & 0xff;
    if (type !== relative) continue;
    const slot = words.value(at);
    let target: number | null;
    if (table.kind === 'rel') target = slot === null ? null : words.storedAt(slot);
    else if (wordSize === 4) target = words.low(at + 8);
    else target = words.value(at + 16);
    if (slot === null || target === null) skip(tally, at);
    else out.add(slot, target, at);
  }
}

/** RELR: an even word is an address to relocate; an odd word is a bitmap of the words after the last one. */
function readRelrEntries(table: RelocationTable, words: WordReader, out: FixupCollector, tally: Tally): void {
  const wordSize = words.wordSize;
  const bitmapSpan = (8 * wordSize - 1) * wordSize;
  let next = 0;
  const relocate = (slot: number, at: number): void => {
    const target = words.storedAt(slot);
    if (target === null) skip(tally, at);
    else out.add(slot, target, at);
  };
  for (let at = table.offset; at + wordSize <= table.offset + table.size; at += wordSize) {
    const low = words.low(at);
    const high = words.high(at);
    if ((low & 1) === 0) {
      const slot = words.value(at);
      if (slot === null) throw new FormatError(at, `RELR address ${hex(high)}${hex(low).slice(2)} is too large`);
      relocate(slot, at);
      next = slot + wordSize;
      continue;
    }
    for (let bit = 1; bit < 8 * wordSize; bit++) {
      const set = bit < 32 ? (low >>> bit) & 1 : (high >>> (bit - 32)) & 1;
      if (set) relocate(next + (bit - 1) * wordSize, at);
    }
    next += bitmapSpan;
  }
}

function readTable(ctx: ElfContext, table: RelocationTable, out: FixupCollector, tally: Tally): void {
  const wordSize = ctx.header.layout.wordSize;
  const expected = entrySizeOf(table.kind, wordSize);
  if (table.entrySize !== expected) {
    throw new FormatError(
      table.offset,
      `${table.kind} entries of ${table.entrySize} bytes; this class uses ${expected}`,
    );
  }
  if (table.size / table.entrySize > MAX_RELOCATIONS) {
    throw new FormatError(table.offset, `${table.kind} table of ${table.size} bytes is past the relocation limit`);
  }
  ctx.reader.check(table.offset, table.size, `${table.kind} relocation table`);
  const words = new WordReader(ctx, wordSize);
  if (table.kind === 'relr') readRelrEntries(table, words, out, tally);
  else {
    const relative = RELATIVE_TYPE.get(ctx.header.machine);
    if (relative !== undefined) readRelocationEntries(table, words, relative, out, tally);
  }
}

/**
 * Every RELATIVE slot with the address the loader stores there at the link-time base. A broken table is a
 * diagnostic and the others are still read; what was read before the break is kept.
 */
export function readRelativeFixups(ctx: ElfContext, dynamic: DynamicInfo): PointerFixups {
  const out = new FixupCollector();
  const tally: Tally = { skipped: 0, firstSkipped: -1 };
  for (const table of locateTables(ctx, dynamic))
    guarded('elf', ctx.diagnostics, () => readTable(ctx, table, out, tally), undefined);
  if (tally.skipped > 0) {
    ctx.diagnostics.push({
      level: 'warning',
      source: 'elf',
      offset: tally.firstSkipped,
      message: `${tally.skipped} relative relocation(s) name a slot or addend outside the file; not applied`,
    });
  }
  return out.done();
}
