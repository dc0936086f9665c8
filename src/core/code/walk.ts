import type { Exe, ExeSection } from '../formats/exe';
import type { CallColumns, RefColumns } from './columns';
import type { CodeSpace } from './space';

/** Where the scanners put what they find, and how they tell entries and data apart. */
export interface CodeSink {
  space: CodeSpace;
  calls: CallColumns;
  refs: RefColumns;
}

/**
 * The functions that lie in one code view, in address order: function k covers code[starts[k], ends[k]) and has
 * id callers[k]. Its bounds are the pclntab's [entry, next entry), clipped to the view.
 */
export interface FunctionWalk {
  base: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  callers: Int32Array;
}

export interface CodeView {
  section: ExeSection;
  bytes: Uint8Array;
  walk: FunctionWalk;
}

export interface FunctionBounds {
  entry: number;
  size: number;
}

function codeSections(exe: Exe): { section: ExeSection; bytes: Uint8Array }[] {
  const views: { section: ExeSection; bytes: Uint8Array }[] = [];
  for (const section of exe.sections) {
    if (section.kind !== 'code' || section.address === 0) continue;
    const bytes = exe.sectionData(section);
    if (bytes && bytes.length > 0) views.push({ section, bytes });
  }
  return views.sort((a, b) => a.section.address - b.section.address);
}

/**
 * Code sections with the functions each holds. Functions whose entry lies in no code section with bytes are
 * counted in `outside`; overlapping or unsorted bounds (a damaged table) are clipped so every walk ascends.
 */
export function codeViews(exe: Exe, functions: readonly FunctionBounds[]): { views: CodeView[]; outside: number } {
  const sections = codeSections(exe);
  const order = functions.map((_, i) => i).sort((a, b) => functions[a]!.entry - functions[b]!.entry);
  const members: number[][] = sections.map(() => []);
  let outside = 0;
  for (const fn of order) {
    const entry = functions[fn]!.entry;
    const at = sections.findIndex((v) => entry >= v.section.address && entry < v.section.address + v.bytes.length);
    if (at < 0) outside++;
    else members[at]!.push(fn);
  }
  const views = sections.map(({ section, bytes }, k) => {
    const list = members[k]!;
    const walk: FunctionWalk = {
      base: section.address,
      count: list.length,
      starts: new Int32Array(list.length),
      ends: new Int32Array(list.length),
      callers: Int32Array.from(list),
    };
    let floor = 0;
    list.forEach((fn, row) => {
      const entry = functions[fn]!.entry - section.address;
      const start = Math.max(floor, entry);
      const end = Math.max(start, Math.min(bytes.length, entry + functions[fn]!.size));
      walk.starts[row] = start;
      walk.ends[row] = end;
      floor = end;
    });
    return { section, bytes, walk };
  });
  return { views, outside };
}
