// Hostile input: every damaged file must end as null (not ELF), a FormatError (header unusable) or an Exe whose
// diagnostics say what was lost, quickly and without allocating what a damaged count asks for.
import { describe, expect, test } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import type { Exe } from '../exe';
import { outcomeOf } from './hostile-input';
import { parseElf } from './index';
import { readelfProgramHeaders, readelfSections } from './readelf-text';

function exeOf(bytes: Uint8Array): Exe {
  const outcome = outcomeOf(bytes);
  if (outcome.kind !== 'exe') throw new Error(`expected an Exe, got ${outcome.kind}`);
  return outcome.exe;
}

const CGO = 'linux-amd64-cgo';
const cgoSections = readelfSections(truth(`${CGO}.readelf-S.txt`));
const cgoSectionTable = parseInt(/starting at offset 0x([0-9a-f]+)/.exec(truth(`${CGO}.readelf-S.txt`))![1]!, 16);
const cgoSegments = readelfProgramHeaders(truth(`${CGO}.readelf-l.txt`)).segments;
const cgoDynamic = cgoSegments.find((s) => s.type === 'DYNAMIC')!;
/** The first PT_LOAD holds the dynamic tables (.dynstr, .gnu.version_r): file offset = address - this. */
const cgoFirstLoad = cgoSegments.find((s) => s.type === 'LOAD')!;

/** A fresh copy of the cgo fixture (ELF64, little-endian) and a DataView to damage it with. */
function cgoCopy(): { bytes: Uint8Array; view: DataView } {
  const bytes = fixture(CGO);
  return { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** File offset of a field of section `name`'s Elf64_Shdr (sh_offset is at 24, sh_size at 32). */
function sectionHeaderField(name: string, field: number): number {
  const index = cgoSections.findIndex((s) => s.name === name) + 1;
  return cgoSectionTable + index * 64 + field;
}

/** File offset of the value of the first dynamic entry with `tag` (Elf64_Dyn: d_tag, then d_val). */
function dynamicValueAt(view: DataView, tag: bigint): number {
  for (let at = cgoDynamic.offset; at < cgoDynamic.offset + cgoDynamic.fileSize; at += 16) {
    if (view.getBigUint64(at, true) === tag) return at + 8;
  }
  throw new Error(`no dynamic tag ${tag}`);
}

function stripSectionHeaders(view: DataView): void {
  view.setBigUint64(40, 0n, true);
  view.setUint16(60, 0, true);
  view.setUint16(62, 0, true);
}

describe('not ELF', () => {
  test.each([0, 1, 2, 3])('a flipped magic byte %i gives null', (at) => {
    const { bytes } = cgoCopy();
    bytes[at] = bytes[at]! ^ 0xff;
    expect(parseElf(bytes)).toBeNull();
  });

  test('empty and three-byte inputs give null', () => {
    expect(parseElf(new Uint8Array(0))).toBeNull();
    expect(parseElf(Uint8Array.of(0x7f, 0x45, 0x4c))).toBeNull();
  });
});

describe('unusable header', () => {
  test.each([
    ['class', 4, 7],
    ['data encoding', 5, 0],
  ])('an unknown %s is a FormatError at its offset', (_what, at, value) => {
    const { bytes } = cgoCopy();
    bytes[at] = value;
    const outcome = outcomeOf(bytes);
    expect(outcome.kind).toBe('format-error');
    if (outcome.kind === 'format-error') expect(outcome.error.offset).toBe(at);
  });

  test('a header cut short is a FormatError', () => {
    expect(outcomeOf(fixture(CGO).subarray(0, 40)).kind).toBe('format-error');
  });

  test('neither section nor program headers readable is a FormatError', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setUint16(56, 0, true); // e_phnum
    expect(outcomeOf(bytes).kind).toBe('format-error');
  });
});

describe.each([CGO, 'linux-mips', 'linux-s390x', 'linux-386'])('%s truncated', (name) => {
  test('at every 1/64 of the file ends in an Exe or a FormatError, quickly', () => {
    const bytes = fixture(name);
    const started = performance.now();
    for (let part = 1; part < 64; part++) {
      const length = Math.floor((bytes.length * part) / 64);
      const outcome = outcomeOf(bytes.subarray(0, length));
      if (outcome.kind !== 'exe') continue;
      // A cut file shows what is left and says what it lost: whatever it still lists past the cut is reported.
      const { sections, segments, diagnostics } = outcome.exe;
      const cut = [...sections, ...segments].some((s) => s.fileSize > 0 && s.offset + s.fileSize > length);
      if (cut) expect(diagnostics.length).toBeGreaterThan(0);
    }
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('hostile header counts', () => {
  test('e_shnum = 0xffff: the section table runs past the file, the segments still read', () => {
    const { bytes, view } = cgoCopy();
    view.setUint16(60, 0xffff, true);
    const exe = exeOf(bytes);
    expect(exe.sections).toEqual([]);
    expect(exe.segments.length).toBe(cgoSegments.length);
    expect(exe.diagnostics.some((d) => /section header table/.test(d.message))).toBe(true);
  });

  test('e_phnum = 0xffff (PN_XNUM) with section 0 giving no count: a diagnostic', () => {
    const { bytes, view } = cgoCopy();
    view.setUint16(56, 0xffff, true);
    const exe = exeOf(bytes);
    expect(exe.sections.length).toBe(cgoSections.length);
    expect(exe.diagnostics.some((d) => /e_phnum/.test(d.message))).toBe(true);
  });

  test('e_phnum = 0xffff without section headers: a FormatError', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setUint16(56, 0xffff, true);
    expect(outcomeOf(bytes).kind).toBe('format-error');
  });
});

describe('hostile section sizes and offsets', () => {
  test('a symbol table of 2^40 bytes costs the symbols only', () => {
    const { bytes, view } = cgoCopy();
    view.setBigUint64(sectionHeaderField('.symtab', 32), 1n << 40n, true);
    const exe = exeOf(bytes);
    expect(exe.symbols.every((s) => s.dynamic)).toBe(true);
    expect(exe.symbols.length).toBeGreaterThan(0);
    expect(exe.diagnostics.some((d) => /\.symtab/.test(d.message))).toBe(true);
    expect(exe.sectionData(exe.sections.find((s) => s.name === '.symtab')!)).toBeNull();
  });

  test('a section at offset 2^40 has no data, and says so', () => {
    const { bytes, view } = cgoCopy();
    view.setBigUint64(sectionHeaderField('.gopclntab', 24), 1n << 40n, true);
    const exe = exeOf(bytes);
    const pclntab = exe.sections.find((s) => s.name === '.gopclntab')!;
    expect(pclntab.offset).toBe(2 ** 40);
    expect(exe.sectionData(pclntab)).toBeNull();
    expect(exe.diagnostics.some((d) => /\.gopclntab/.test(d.message))).toBe(true);
  });

  test('a symbol entry size smaller than a symbol is a diagnostic, not a misread', () => {
    const { bytes, view } = cgoCopy();
    view.setBigUint64(sectionHeaderField('.symtab', 56), 1n, true);
    const exe = exeOf(bytes);
    expect(exe.symbols.every((s) => s.dynamic)).toBe(true);
    expect(exe.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('a damaged dynamic section', () => {
  test('a DT_NEEDED name outside the string table: a diagnostic, the rest still read', () => {
    const { bytes, view } = cgoCopy();
    view.setBigUint64(dynamicValueAt(view, 1n), 0xffffffffn, true);
    const exe = exeOf(bytes);
    expect(exe.linkage.needed).toEqual([]);
    expect(exe.linkage.versionsNeeded.length).toBeGreaterThan(0);
    expect(exe.diagnostics.some((d) => /dynamic-section names/.test(d.message))).toBe(true);
  });

  test('DT_STRTAB at an unmapped address, with no sections to fall back on: a diagnostic', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setBigUint64(dynamicValueAt(view, 5n), 0x10n, true);
    const exe = exeOf(bytes);
    expect(exe.linkage.needed).toEqual([]);
    expect(exe.linkage.interpreter).not.toBeNull();
    expect(exe.diagnostics.some((d) => /DT_STRTAB/.test(d.message))).toBe(true);
  });

  test('DT_STRSZ of 2^40: a diagnostic', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setBigUint64(dynamicValueAt(view, 10n), 1n << 40n, true);
    expect(exeOf(bytes).diagnostics.some((d) => /string table/.test(d.message))).toBe(true);
  });

  test('DT_STRTAB pointing back at the dynamic section itself ends, with garbage names at worst', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setBigUint64(dynamicValueAt(view, 5n), BigInt(cgoDynamic.address), true);
    const started = performance.now();
    exeOf(bytes);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('version needs with a huge count and links that run off the file: a diagnostic', () => {
    const { bytes, view } = cgoCopy();
    stripSectionHeaders(view);
    view.setBigUint64(dynamicValueAt(view, 0x6fffffffn), 0xffffffffn, true); // DT_VERNEEDNUM
    const verneedAddress = Number(view.getBigUint64(dynamicValueAt(view, 0x6ffffffen), true));
    const verneed = verneedAddress - cgoFirstLoad.address + cgoFirstLoad.offset;
    view.setUint32(verneed + 12, 0x7fffffff, true); // vn_next
    const exe = exeOf(bytes);
    expect(exe.linkage.versionsNeeded.length).toBe(4);
    expect(exe.diagnostics.some((d) => /version needs/.test(d.message))).toBe(true);
  });
});

describe('a damaged note', () => {
  test('a descriptor that runs past its section: earlier notes kept, a diagnostic', () => {
    const { bytes, view } = cgoCopy();
    const abiTag = cgoSections.find((s) => s.name === '.note.ABI-tag')!;
    view.setUint32(abiTag.offset + 4, 0xffffffff, true); // descsz
    const exe = exeOf(bytes);
    expect(exe.notes.map((n) => n.typeName)).toEqual(['NT_GNU_PROPERTY_TYPE_0', 'NT_GNU_BUILD_ID', 'GO_BUILDID']);
    expect(exe.diagnostics.some((d) => /\.note\.ABI-tag/.test(d.message))).toBe(true);
  });
});
