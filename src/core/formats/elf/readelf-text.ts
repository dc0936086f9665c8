// Test helper: reads the text binutils' readelf prints (-SW, -lW, -dW, -nW, -VW), which is the ground truth the ELF
// tests compare against. Pure text in, plain data out; not used by the product.

export interface ReadelfSection {
  name: string;
  type: string;
  address: number;
  offset: number;
  size: number;
  flags: string;
}

const SECTION_ROW =
  /^\s*\[\s*(\d+)\]\s(.*?)\s+(\S+(?: SECTION INDICES| <unknown>)?)\s+([0-9a-f]+)\s([0-9a-f]+)\s([0-9a-f]+)\s([0-9a-f]+)\s+([A-Za-z]*)\s+\d+\s+\d+\s+\d+$/;

/** `readelf -SW` rows, without the null section 0. */
export function readelfSections(text: string): ReadelfSection[] {
  const rows: ReadelfSection[] = [];
  for (const line of text.split('\n')) {
    const m = SECTION_ROW.exec(line);
    if (!m || m[1] === '0') continue;
    rows.push({
      name: m[2]!.trim(),
      type: m[3]!,
      address: parseInt(m[4]!, 16),
      offset: parseInt(m[5]!, 16),
      size: parseInt(m[6]!, 16),
      flags: m[8]!,
    });
  }
  return rows;
}

export interface ReadelfSegment {
  /** At most 14 characters, as readelf cuts it. */
  type: string;
  offset: number;
  address: number;
  fileSize: number;
  memSize: number;
  /** The Flg column without spaces: "R", "RW", "RE", "". */
  flags: string;
}

/** readelf prints the type as "%-14.14s": longer names are cut, and an unknown one has a space in it. */
const SEGMENT_ROW =
  /^ {2}(.{14}) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x[0-9a-f]+ 0x([0-9a-f]+) 0x([0-9a-f]+) (.)(.)(.) 0x[0-9a-f]+$/;

export interface ReadelfProgramHeaders {
  /** "EXEC", "DYN", ... (the first word after "Elf file type is"). */
  fileType: string;
  entry: number;
  segments: ReadelfSegment[];
  interpreter: string | null;
}

export function readelfProgramHeaders(text: string): ReadelfProgramHeaders {
  const segments: ReadelfSegment[] = [];
  for (const line of text.split('\n')) {
    const m = SEGMENT_ROW.exec(line);
    if (!m) continue;
    segments.push({
      type: m[1]!.trimEnd(),
      offset: parseInt(m[2]!, 16),
      address: parseInt(m[3]!, 16),
      fileSize: parseInt(m[4]!, 16),
      memSize: parseInt(m[5]!, 16),
      flags: (m[6]! + m[7]! + m[8]!).replace(/ /g, ''),
    });
  }
  return {
    fileType: /Elf file type is (\S+)/.exec(text)?.[1] ?? '',
    entry: parseInt(/Entry point 0x([0-9a-f]+)/.exec(text)?.[1] ?? 'NaN', 16),
    segments,
    interpreter: /\[Requesting program interpreter: (.*)\]/.exec(text)?.[1] ?? null,
  };
}

export interface ReadelfDynamic {
  needed: string[];
  rpath: string[];
  runpath: string[];
  /** Every "(TYPE)" shown, with its text value: FLAGS → "BIND_NOW", FLAGS_1 → "Flags: NOW PIE". */
  entries: { type: string; value: string }[];
}

export function readelfDynamic(text: string): ReadelfDynamic {
  const entries: { type: string; value: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*0x[0-9a-f]+ \((\w+)\)\s+(.*)$/.exec(line);
    if (m) entries.push({ type: m[1]!, value: m[2]!.trim() });
  }
  const bracketed = (type: string): string[] =>
    entries.filter((e) => e.type === type).map((e) => /\[(.*)\]/.exec(e.value)?.[1] ?? '');
  return {
    needed: bracketed('NEEDED'),
    rpath: bracketed('RPATH').flatMap((p) => p.split(':')),
    runpath: bracketed('RUNPATH').flatMap((p) => p.split(':')),
    entries,
  };
}

export interface ReadelfNote {
  owner: string;
  /** readelf's description column, e.g. "NT_GNU_BUILD_ID (unique build ID bitstring)", "GO BUILDID". */
  description: string;
  /** What follows, e.g. "Build ID: 533c…", "OS: Linux, ABI: 3.2.0", "description data: 4b 51 …". */
  data: string;
}

export function readelfNotes(text: string): ReadelfNote[] {
  const notes: ReadelfNote[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s+(\S+)\s+0x[0-9a-f]+\t([^\t]*)\t?(.*)$/.exec(line);
    if (m) notes.push({ owner: m[1]!, description: m[2]!.trim(), data: m[3]!.trim() });
  }
  return notes;
}

/** `readelf -VW` "Version needs" pairs, in file order. */
export function readelfVersionNeeds(text: string): { library: string; version: string }[] {
  const needs: { library: string; version: string }[] = [];
  let library = '';
  for (const line of text.split('\n')) {
    const file = /File: (\S+)\s+Cnt:/.exec(line);
    if (file) library = file[1]!;
    const name = /^\s+0x[0-9a-f]+:\s+Name: (\S+)\s+Flags:/.exec(line);
    if (name) needs.push({ library, version: name[1]! });
  }
  return needs;
}
