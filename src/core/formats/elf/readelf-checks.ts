// Test helper: the assertions that hold an Exe against readelf's text, shared by the committed-fixture tests and
// the tests that run readelf on binaries found on the machine. Not used by the product.
import { expect } from 'vitest';
import type { Exe } from '../exe';
import {
  readelfDynamic,
  readelfNotes,
  readelfProgramHeaders,
  readelfSections,
  readelfVersionNeeds,
} from './readelf-text';

export interface ReadelfTexts {
  sections: string;
  segments: string;
  dynamic: string;
  notes: string;
  versions: string;
}

export function expectSectionsMatch(exe: Exe, text: string): void {
  const ours = exe.sections.map(({ name, type, address, offset, size, flags }) => ({
    name,
    type,
    address,
    offset,
    size,
    flags,
  }));
  expect(ours).toEqual(readelfSections(text));
  for (const section of exe.sections) {
    expect(section.fileSize).toBe(section.type === 'NOBITS' ? 0 : section.size);
  }
}

export function expectSegmentsMatch(exe: Exe, text: string): void {
  const truth = readelfProgramHeaders(text);
  const ours = exe.segments.map((s) => ({
    type: s.type.slice(0, 14).trimEnd(),
    offset: s.offset,
    address: s.address,
    fileSize: s.fileSize,
    memSize: s.memSize,
    flags: (s.readable ? 'R' : '') + (s.writable ? 'W' : '') + (s.executable ? 'E' : ''),
  }));
  expect(ours).toEqual(truth.segments);
  expect(exe.entry).toBe(truth.entry);
  expect(exe.header.type).toBe(truth.fileType);
  expect(exe.header.entry).toBe(truth.entry);
  expect(exe.linkage.interpreter).toBe(truth.interpreter);
  const stack = truth.segments.find((s) => s.type === 'GNU_STACK');
  expect(exe.header.gnuStack).toBe(stack ? stack.flags : 'absent');
  expect(exe.header.relro).toBe(truth.segments.some((s) => s.type === 'GNU_RELRO'));
}

export function expectDynamicMatches(exe: Exe, text: string): void {
  const truth = readelfDynamic(text);
  expect(exe.linkage.needed).toEqual(truth.needed);
  expect(exe.linkage.rpath).toEqual(truth.rpath);
  expect(exe.linkage.runpath).toEqual(truth.runpath);
  const valueOf = (type: string): string => truth.entries.find((e) => e.type === type)?.value ?? '';
  const has = (type: string): boolean => truth.entries.some((e) => e.type === type);
  expect(exe.header.hasDynamic).toBe(!/There is no dynamic section/.test(text));
  expect(exe.header.bindNow).toBe(
    has('BIND_NOW') || /\bBIND_NOW\b/.test(valueOf('FLAGS')) || /\bNOW\b/.test(valueOf('FLAGS_1')),
  );
  expect(exe.header.pieFlag).toBe(/\bPIE\b/.test(valueOf('FLAGS_1')));
  expect(exe.header.textrel).toBe(has('TEXTREL') || /\bTEXTREL\b/.test(valueOf('FLAGS')));
}

/** Owners, types and the values readelf decodes (build-id, ABI tag, Go's build id shown as bytes). */
export function expectNotesMatch(exe: Exe, text: string): void {
  const truth = readelfNotes(text);
  expect(exe.notes.map((n) => n.owner)).toEqual(truth.map((n) => n.owner));
  truth.forEach((note, i) => {
    const ours = exe.notes[i]!;
    expect(note.description.replace(/_/g, ' ').startsWith(ours.typeName.replace(/_/g, ' '))).toBe(true);
    const buildId = /^Build ID: ([0-9a-f]+)$/.exec(note.data);
    if (buildId) expect(ours.value).toBe(buildId[1]);
    if (/^OS: /.test(note.data)) expect(ours.value).toBe(note.data);
    const bytes = /^description data: ([0-9a-f ]+)$/.exec(note.data);
    if (note.owner === 'Go' && bytes) {
      expect(ours.value).toBe(
        String.fromCharCode(
          ...bytes[1]!
            .trim()
            .split(' ')
            .map((b) => parseInt(b, 16)),
        ),
      );
    }
  });
}

export function expectVersionsMatch(exe: Exe, text: string): void {
  const truth = readelfVersionNeeds(text);
  expect(exe.linkage.versionsNeeded).toEqual(truth);
  expect(highestGlibc(exe.linkage.versionsNeeded.map((v) => v.version))).toBe(
    highestGlibc(truth.map((v) => v.version)),
  );
}

/** Highest GLIBC_x.y[.z] by numeric parts; written here so the check does not lean on the product's own helper. */
export function highestGlibc(versions: string[]): string | null {
  const numbers = versions.flatMap((v) => /^GLIBC_(\d+(?:\.\d+)*)$/.exec(v)?.[1] ?? []);
  const key = (v: string): number[] => v.split('.').map(Number);
  numbers.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
    }
    return 0;
  });
  return numbers.at(-1) ?? null;
}

export function expectMatchesReadelf(exe: Exe, texts: ReadelfTexts): void {
  expectSectionsMatch(exe, texts.sections);
  expectSegmentsMatch(exe, texts.segments);
  expectDynamicMatches(exe, texts.dynamic);
  expectNotesMatch(exe, texts.notes);
  expectVersionsMatch(exe, texts.versions);
}
