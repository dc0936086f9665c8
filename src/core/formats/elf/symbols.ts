import { FormatError, guarded } from '../../io/errors';
import { MAX_SYMBOLS } from '../../io/limits';
import { ByteReader } from '../../io/reader';
import type { ExeSymbol, SymbolKind } from '../exe';
import type { ElfContext } from './context';
import type { ElfLayout } from './layout';
import { SHT_DYNSYM, SHT_SYMTAB, stringTableOf, type RawSection } from './sections';
import { readTable } from './table';
import { symbolVersionLookup, type VersionNeed } from './versions';

const SHN_UNDEF = 0;

/** By STT_* value. STT_COMMON and STT_TLS are data; STT_GNU_IFUNC resolves to a function. */
const KIND_BY_TYPE: Record<number, SymbolKind> = {
  1: 'object',
  2: 'func',
  3: 'section',
  4: 'file',
  5: 'object',
  6: 'object',
  10: 'func',
};

interface RawSymbol {
  nameIndex: number;
  value: number;
  size: number;
  type: number;
  sectionIndex: number;
}

function readSymbolEntry(reader: ByteReader, layout: ElfLayout, at: number): RawSymbol {
  const fields = layout.symbol;
  return {
    nameIndex: reader.u32(at + fields.name),
    value: reader.word(at + fields.value, layout.wordSize),
    size: reader.word(at + fields.symbolSize, layout.wordSize),
    type: reader.u8(at + fields.info) & 0xf,
    sectionIndex: reader.u16(at + fields.shndx),
  };
}

/** Symbols of every SHT_SYMTAB and SHT_DYNSYM section; a table that cannot be read costs only itself. */
export function readSymbols(ctx: ElfContext, needs: readonly VersionNeed[]): ExeSymbol[] {
  const symbols: ExeSymbol[] = [];
  ctx.sections.forEach((section, index) => {
    if (!section || (section.type !== SHT_SYMTAB && section.type !== SHT_DYNSYM)) return;
    const table = guarded('elf', ctx.diagnostics, () => readSymbolTable(ctx, index, section, needs), []);
    // A loop, not push(...table): a spread of millions of arguments overflows the stack.
    for (const symbol of table) symbols.push(symbol);
  });
  return symbols;
}

function readSymbolTable(
  ctx: ElfContext,
  index: number,
  section: RawSection,
  needs: readonly VersionNeed[],
): ExeSymbol[] {
  const { reader, header } = ctx;
  const what = ctx.names[index] || `symbol table ${index}`;
  const dynamic = section.type === SHT_DYNSYM;
  const strings = stringTableOf(reader, ctx.sections, section.link, `${what} strings`);
  const versionOf = dynamic
    ? guarded('elf', ctx.diagnostics, () => symbolVersionLookup(ctx, index, needs), null)
    : null;
  const entrySize = header.layout.symbol.size;
  // Symbols have one size per class; another sh_entsize (0 aside, which some tools write) means a damaged header.
  if (section.entsize !== 0 && section.entsize !== entrySize) {
    throw new FormatError(section.offset, `${what} declares ${section.entsize}-byte symbols; they take ${entrySize}`);
  }
  const count = Math.floor(section.size / entrySize);
  const spec = { what, offset: section.offset, count, stride: entrySize, entrySize, max: MAX_SYMBOLS };
  const entries = readTable(reader, spec, (at) => readSymbolEntry(reader, header.layout, at), ctx.diagnostics);
  const symbols: ExeSymbol[] = [];
  // Entry 0 is the reserved null symbol.
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry) continue;
    const kind = entry.sectionIndex === SHN_UNDEF ? 'undefined' : (KIND_BY_TYPE[entry.type] ?? 'other');
    const symbol: ExeSymbol = {
      name: strings.lookup(entry.nameIndex) ?? '<corrupt>',
      address: entry.value,
      size: entry.size,
      kind,
      dynamic,
    };
    const library = kind === 'undefined' ? versionOf?.(i) : undefined;
    if (library !== undefined) symbol.library = library;
    symbols.push(symbol);
  }
  strings.report(ctx.diagnostics, 'symbol names');
  return symbols;
}
