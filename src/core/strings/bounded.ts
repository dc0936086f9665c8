import { ACCESS_ADDRESS } from '../code/columns';
import type { Exe } from '../formats/exe';
import { isText, MAX_GO_STRING_LEN } from './go-headers';
import type { CodeLiterals, Literal } from './literals';

/**
 * Literals that code loads without a length next to the pointer: the length is set before the LEA (a switch's
 * results), stored to memory after it (map values, an inlined errors.New), or moved a few instructions later.
 *
 * The linker lays Go's string data out back to back and sorted by length, shortest first (GO-FORMATS §5), and
 * dedupes it by content. So such a literal ends where the next literal begins, when both neighbours are known:
 * it must start exactly where a known literal ends (it is inside the string data, not in a table that happens to
 * be referenced), its length must fit between the lengths of the literal before and the known literal after it
 * (the sort order), and its bytes must be text. Anything that fails one test stays unexplained ("other text"),
 * never glued to a neighbour.
 *
 * `known` is sorted and without overlaps (chooseLiterals' output). Returns the new literals, sorted.
 */
export function boundedLiterals(
  exe: Exe,
  file: Uint8Array,
  base: number,
  code: CodeLiterals,
  known: Literal[],
): Literal[] {
  const starts = unpairedStarts(exe, base, code, known);
  if (starts.size === 0) return [];
  // Every place a literal is known to begin, in address order: exact literals and the unpaired starts.
  const boundaries = [...new Set([...known.map((l) => l.start), ...starts.keys()])].sort((a, b) => a - b);
  const byEnd = new Map(known.map((l) => [l.end, l]));
  const byStart = new Map(known.map((l) => [l.start, l]));
  const found: Literal[] = [];
  const lengthAt = new Map<number, number>();
  for (let i = 0; i < boundaries.length - 1; i++) {
    const start = boundaries[i]!;
    const referencedBy = starts.get(start);
    if (referencedBy === undefined || byStart.has(start)) continue;
    const end = boundaries[i + 1]!;
    const length = end - start;
    const before = byEnd.get(start);
    const beforeLength = before ? before.end - before.start : lengthAt.get(start);
    if (beforeLength === undefined || length < beforeLength || length > MAX_GO_STRING_LEN) continue;
    const after = byStart.get(end);
    if (after && after.end - after.start < length) continue;
    if (!isText(file, start, end)) continue;
    found.push({ start, end, referencedBy });
    // The next unpaired literal may follow this one directly: its lower bound is this length.
    lengthAt.set(end, length);
  }
  return found;
}

/** File offsets that address-taking references point at, with no length seen, outside every known literal. */
function unpairedStarts(exe: Exe, base: number, code: CodeLiterals, known: Literal[]): Map<number, string | null> {
  const { refs } = code;
  const starts = new Map<number, string | null>();
  for (let i = 0; i < refs.count; i++) {
    if (refs.length[i] !== -1 || refs.isFunction[i] === 1 || refs.access[i] !== ACCESS_ADDRESS) continue;
    const target = refs.target[i]!;
    if (!Number.isSafeInteger(target) || target <= 0) continue;
    const offset = exe.fileOffsetOf(target);
    if (offset < 0) continue;
    const start = base + offset;
    if (insideKnown(known, start) || starts.has(start)) continue;
    starts.set(start, code.referrer(i));
  }
  return starts;
}

/** Whether the offset lies inside (not at the start of) a known literal. */
function insideKnown(known: Literal[], offset: number): boolean {
  let low = 0;
  let high = known.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const literal = known[middle]!;
    if (offset < literal.start) high = middle - 1;
    else if (offset >= literal.end) low = middle + 1;
    else return offset > literal.start;
  }
  return false;
}
