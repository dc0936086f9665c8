// Structures Go's linker never writes (CodeView debug entries, ordinal imports, ROM images), made by patching the
// fixtures as the PE/COFF specification lays these structures out. Places come from objdump -h, not from us.
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { FormatError } from '../../io/errors';
import { parsePe } from './index';
import { parseObjdumpSections, patched, peLayout, u32At, type Edit } from './test-support';

function sectionRow(name: string, section: string) {
  return parseObjdumpSections(truth(`${name}.objdump-h.txt`)).find((r) => r.name === section)!;
}

/** File offset of an RVA inside `section`, from objdump's VMA and file offset (ImageBase 0x400000). */
function fileOffset(name: string, section: string, rva: number): number {
  const row = sectionRow(name, section);
  return row.fileOffset + (0x400000 + rva - row.vma);
}

describe('CodeView debug directory', () => {
  const bytes = fixture('windows-386.exe');
  const layout = peLayout(bytes);
  const symtab = sectionRow('windows-386.exe', '.symtab'); // 4 bytes used of a 0x200-byte raw block
  const symtabRva = symtab.vma - 0x400000;
  const path = 'C:\\build\\hello.pdb';
  const record = new Uint8Array([
    ...new TextEncoder().encode('RSDS'),
    0x78,
    0x56,
    0x34,
    0x12,
    0xbc,
    0x9a,
    0xf0,
    0xde,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8, // GUID {12345678-9ABC-DEF0-...}
    3,
    0,
    0,
    0, // age
    ...new TextEncoder().encode(path),
    0,
  ]);

  function withDebugEntry(pointerToRawData: number): Uint8Array {
    const symtabHeader = layout.sectionTable + 5 * 40;
    const edits: Edit[] = [
      [symtabHeader + 8, 4, 0x200], // VirtualSize: map the whole raw block so the directory's RVA resolves
      [layout.directories + 6 * 8, 4, symtabRva + 0x10],
      [layout.directories + 6 * 8 + 4, 4, 28],
      [symtab.fileOffset + 0x10 + 12, 4, 2], // Type: IMAGE_DEBUG_TYPE_CODEVIEW
      [symtab.fileOffset + 0x10 + 16, 4, record.length],
      [symtab.fileOffset + 0x10 + 20, 4, symtabRva + 0x30],
      [symtab.fileOffset + 0x10 + 24, 4, pointerToRawData],
    ];
    const copy = patched(bytes, edits);
    copy.set(record, symtab.fileOffset + 0x30);
    return copy;
  }

  const expected = {
    owner: 'CodeView',
    type: 2,
    typeName: 'IMAGE_DEBUG_TYPE_CODEVIEW',
    value: `path=${path}; guid=12345678-9ABC-DEF0-0102-030405060708; age=3`,
  };

  it('becomes a note with the PDB path, GUID and age', () => {
    const exe = parsePe(withDebugEntry(symtab.fileOffset + 0x30))!;
    expect(exe.header.hasDebugDirectory).toBe(true);
    expect(exe.notes).toEqual([expected]);
    expect(exe.diagnostics).toEqual([]);
  });

  it('is found through AddressOfRawData when PointerToRawData is zero', () => {
    expect(parsePe(withDebugEntry(0))!.notes).toEqual([expected]);
  });
});

describe.each([
  ['windows-386.exe', 0x8000_0005n, '#5'],
  ['windows-amd64.exe', 0x8000_0000_0000_0007n, '#7'],
] as const)('%s ordinal import', (name, thunk, expectedName) => {
  it('is named by its ordinal, the rest of the list unchanged', () => {
    const bytes = fixture(name);
    const layout = peLayout(bytes);
    const importRva = u32At(bytes, layout.directories + 8);
    const descriptor = fileOffset(name, '.idata', importRva);
    const lookupTable = fileOffset(name, '.idata', u32At(bytes, descriptor));
    const before = parsePe(bytes)!.symbols.filter((s) => s.dynamic);
    const after = parsePe(patched(bytes, [[lookupTable, layout.pointerSize, thunk]]))!.symbols.filter((s) => s.dynamic);
    expect(after[0]).toMatchObject({ name: expectedName, library: 'kernel32.dll', address: before[0]!.address });
    expect(after.slice(1)).toEqual(before.slice(1));
  });
});

describe('optional header magic', () => {
  const bytes = fixture('windows-amd64.exe');
  const layout = peLayout(bytes);

  it('ROM images keep their sections, with a warning that addresses are RVAs', () => {
    const exe = parsePe(patched(bytes, [[layout.optional, 2, 0x107]]))!;
    expect(exe.header.magic).toBe('ROM');
    expect(exe.diagnostics).toMatchObject([{ level: 'warning', source: 'pe' }]);
    expect(exe.sections.map((s) => s.address)).toEqual(
      parseObjdumpSections(truth('windows-amd64.exe.objdump-h.txt')).map((r) => r.vma - 0x400000),
    );
    expect(exe.linkage.needed).toEqual([]);
  });

  it('an unknown magic makes the image unusable', () => {
    expect(() => parsePe(patched(bytes, [[layout.optional, 2, 0x999]]))).toThrow(FormatError);
  });
});
