import type { DataRefs } from '../code/types';
import type { Exe, ExeSection, ExeSymbol } from '../formats/exe';
import { boundedLiterals } from './bounded';
import { collectGoSpans, isText, MAX_GO_STRING_LEN } from './go-headers';

/** A Go string literal at its exact place: [start, end) in file offsets, and who refers to it. */
export interface Literal {
  start: number;
  end: number;
  /** The function whose code loads it, else the variable or package whose data holds its header, else null. */
  referencedBy: string | null;
}

/** References from code to string data, as the instruction pass finds them, and who makes each. */
export interface CodeLiterals {
  refs: DataRefs;
  /** Name of the function whose code makes reference `index` (the inlined one, when it was inlined), or null. */
  referrer(index: number): string | null;
}

/**
 * Every literal the binary's references explain: a LEA of a literal with the length the compiler put next to it,
 * {ptr,len} headers in data, and LEAs without a length whose literal the neighbours bound (bounded.ts). Sorted and
 * without overlaps, ready to cut printable runs at.
 */
export function locateLiterals(exe: Exe, file: Uint8Array, base: number, code?: CodeLiterals): Literal[] {
  const fromCode = code ? codeLiterals(exe, file, base, code) : [];
  const names = new HolderNames(exe);
  const fromHeaders = collectGoSpans(exe, file, base).map((span) => ({
    start: span.start,
    end: span.end,
    referencedBy: names.nameAt(span.holder),
  }));
  const known = chooseLiterals(fromCode.concat(fromHeaders));
  if (!code) return known;
  const bounded = boundedLiterals(exe, file, base, code, known);
  return bounded.length > 0 ? chooseLiterals(known.concat(bounded)) : known;
}

function codeLiterals(exe: Exe, file: Uint8Array, base: number, code: CodeLiterals): Literal[] {
  const { refs } = code;
  const found: Literal[] = [];
  for (let i = 0; i < refs.count; i++) {
    const length = refs.length[i]!;
    if (length < 1 || length > MAX_GO_STRING_LEN || refs.isFunction[i] === 1) continue;
    const target = refs.target[i]!;
    if (!Number.isSafeInteger(target) || target <= 0) continue;
    // The whole literal must lie in one mapped piece of the file.
    const bytes = exe.readAt(target, length);
    const offset = exe.fileOffsetOf(target);
    if (!bytes || bytes.length !== length || offset < 0) continue;
    const start = base + offset;
    if (!isText(file, start, start + length)) continue;
    found.push({ start, end: start + length, referencedBy: code.referrer(i) });
  }
  return found;
}

/**
 * Sorted, non-overlapping literals. The same literal seen twice keeps the first name (code references come
 * first, as they name a function); one inside another is dropped; of two that overlap in part, the longer stays,
 * since a stray {ptr,len} look-alike in data is most often short.
 */
export function chooseLiterals(literals: Literal[]): Literal[] {
  const ordered = literals.map((literal, index) => ({ literal, index }));
  ordered.sort((a, b) => a.literal.start - b.literal.start || b.literal.end - a.literal.end || a.index - b.index);
  const chosen: Literal[] = [];
  for (const { literal } of ordered) {
    const last = chosen[chosen.length - 1];
    if (!last || literal.start >= last.end) chosen.push(literal);
    else if (literal.end > last.end && literal.end - literal.start > last.end - last.start) {
      chosen[chosen.length - 1] = literal;
    }
  }
  return chosen;
}

// A composite literal's static backing store ("main..stmp_3") belongs to its package; the name means nothing else.
const STATIC_TEMP = /^(.+)\.\.stmp_\d+$/;

/** Names the data that holds a string header: the symbol around it, else its section and address. */
class HolderNames {
  private readonly symbols: ExeSymbol[];
  private readonly sections: ExeSection[];

  constructor(exe: Exe) {
    this.symbols = exe.symbols
      .filter((s) => !s.dynamic && s.kind === 'object' && s.size > 0)
      .sort((a, b) => a.address - b.address);
    this.sections = exe.sections.filter((s) => s.address > 0 && s.size > 0).sort((a, b) => a.address - b.address);
  }

  nameAt(address: number): string | null {
    const symbol = lastAtOrBefore(this.symbols, address);
    if (symbol && address < symbol.address + symbol.size) return STATIC_TEMP.exec(symbol.name)?.[1] ?? symbol.name;
    const section = lastAtOrBefore(this.sections, address);
    if (section && address < section.address + section.size) return `${section.name} 0x${address.toString(16)}`;
    return null;
  }
}

function lastAtOrBefore<T extends { address: number }>(items: T[], address: number): T | null {
  let low = 0;
  let high = items.length - 1;
  let found: T | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.address <= address) {
      found = items[middle]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
