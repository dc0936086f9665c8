// Parsers for the text of binutils' `objdump -h` and `objdump -p`, and the shape of Go's debug/pe dump, so the
// tests can compare the PE reader with tools that are not ours; fixture patching for the damage tests.
// Used by the tests only, and free of node: imports like the rest of src/core.
import type { Exe } from '../exe';

/** One section row of `objdump -h`, with the flag words from the line below it. */
export interface ObjdumpSection {
  name: string;
  size: number;
  vma: number;
  fileOffset: number;
  flags: string[];
}

export function parseObjdumpSections(text: string): ObjdumpSection[] {
  const lines = text.split('\n');
  const sections: ObjdumpSection[] = [];
  lines.forEach((line, index) => {
    const row = /^\s*\d+\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+2\*\*\d+$/.exec(line);
    if (!row) return;
    const flags = (lines[index + 1] ?? '')
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean);
    sections.push({
      name: row[1]!,
      size: parseInt(row[2]!, 16),
      vma: parseInt(row[3]!, 16),
      fileOffset: parseInt(row[4]!, 16),
      flags,
    });
  });
  return sections;
}

/** `objdump -p`: header fields, DllCharacteristics flag names, data directories and the import tables. */
export interface ObjdumpPrivate {
  fileFormat: string;
  fields: Map<string, string>;
  dllCharacteristics: string[];
  directories: { rva: number; size: number }[];
  imports: { dll: string; members: string[] }[];
}

export function parseObjdumpPrivate(text: string): ObjdumpPrivate {
  const result: ObjdumpPrivate = {
    fileFormat: '',
    fields: new Map(),
    dllCharacteristics: [],
    directories: [],
    imports: [],
  };
  let inDllCharacteristics = false;
  for (const line of text.split('\n')) {
    const format = /file format (\S+)/.exec(line);
    if (format) result.fileFormat = format[1]!;
    const field = /^([A-Za-z/]+)\s+(\S.*)$/.exec(line);
    if (field && !line.startsWith('Entry') && !line.startsWith('\t')) result.fields.set(field[1]!, field[2]!.trim());
    if (inDllCharacteristics && /^\t+[A-Z_]+$/.test(line)) result.dllCharacteristics.push(line.trim());
    inDllCharacteristics = line.startsWith('DllCharacteristics') || (inDllCharacteristics && line.startsWith('\t'));
    const entry = /^Entry [0-9a-f] ([0-9a-f]+) ([0-9a-f]+)/.exec(line);
    if (entry) result.directories.push({ rva: parseInt(entry[1]!, 16), size: parseInt(entry[2]!, 16) });
    const dll = /^\tDLL Name: (.+)$/.exec(line);
    if (dll) result.imports.push({ dll: dll[1]!, members: [] });
    const member = /^\t[0-9a-f]+\s+\d+\s+(\S+)$/.exec(line);
    if (member) result.imports.at(-1)?.members.push(member[1]!);
  }
  return result;
}

/** truth/<name>.dump.json, written by test/fixtures/go/dumpexe with Go's debug/pe. */
export interface GoDump {
  format: string;
  sections: { name: string; address: number; offset: number; size: number }[];
  symbols: number;
  importedLibraries: string[] | null;
}

/** Where the spec puts the header fields the damage tests change, found from the fixture's own bytes. */
export interface PeLayout {
  coff: number;
  optional: number;
  sectionTable: number;
  directories: number;
  pointerSize: 4 | 8;
}

export function peLayout(bytes: Uint8Array): PeLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const coff = view.getUint32(0x3c, true) + 4;
  const optional = coff + 20;
  const pe32plus = view.getUint16(optional, true) === 0x20b;
  return {
    coff,
    optional,
    sectionTable: optional + view.getUint16(coff + 16, true),
    directories: optional + (pe32plus ? 112 : 96),
    pointerSize: pe32plus ? 8 : 4,
  };
}

/** A little-endian field write: offset, width in bytes, value. */
export type Edit = readonly [at: number, size: 1 | 2 | 4 | 8, value: number | bigint];

/** A copy of `bytes` with the edits applied; the fixture itself stays untouched. */
export function patched(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (const [at, size, value] of edits) {
    if (size === 8) view.setBigUint64(at, BigInt(value), true);
    else if (size === 4) view.setUint32(at, Number(value), true);
    else if (size === 2) view.setUint16(at, Number(value), true);
    else view.setUint8(at, Number(value));
  }
  return copy;
}

export function u32At(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}

/** Calls what an Exe computes on demand, so damage tests reach those paths too. */
export function touchAll(exe: Exe | null): void {
  for (const section of exe?.sections ?? []) {
    exe!.sectionData(section);
    exe!.readAt(section.address, 64);
    exe!.fileOffsetOf(section.address + section.size - 1);
  }
}
