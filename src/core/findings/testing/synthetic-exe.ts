// Test support: a hand-built Exe over given bytes, for cases no fixture covers (executable stacks, RPATH, PE and
// Mach-O header variants) and for the Go string splitter on a layout small enough to check by eye.
import type { Exe, ExeSection } from '../../formats/exe';
import { NO_FIXUPS, pointerReader } from '../../formats/pointers';
import type { FoundString, Report } from '../../report/types';
import { emptyReport } from '../../report/build';

/** A section whose virtual address equals `address` and whose bytes start at file offset `offset`. */
export function section(
  name: string,
  kind: ExeSection['kind'],
  address: number,
  offset: number,
  size: number,
): ExeSection {
  return { name, type: 'PROGBITS', kind, address, offset, size, fileSize: kind === 'bss' ? 0 : size, flags: '' };
}

export function syntheticExe(file: Uint8Array, overrides: Partial<Exe> = {}): Exe {
  const sections = overrides.sections ?? [];
  const mapped = (address: number): ExeSection | undefined =>
    sections.find((s) => s.address > 0 && address >= s.address && address < s.address + s.fileSize);
  const readAt = (address: number, size: number): Uint8Array | null => {
    const s = mapped(address);
    return s
      ? file.subarray(
          s.offset + address - s.address,
          Math.min(s.offset + s.fileSize, s.offset + address - s.address + size),
        )
      : null;
  };
  const exe: Exe = {
    format: 'elf',
    arch: 'x86_64',
    bits: 64,
    littleEndian: true,
    entry: 0,
    imageBase: 0,
    sections,
    segments: [],
    symbols: [],
    notes: [],
    diagnostics: [],
    header: {},
    linkage: { interpreter: null, needed: [], rpath: [], runpath: [], versionsNeeded: [] },
    sectionData: (s) => (s.fileSize > 0 ? file.subarray(s.offset, s.offset + s.fileSize) : null),
    readAt,
    fileOffsetOf: (address) => {
      const s = mapped(address);
      return s ? s.offset + address - s.address : -1;
    },
    pointerAt: () => null,
    pointerFixups: NO_FIXUPS,
    ...overrides,
  };
  // Pointers read through the final readAt and fixups, so an override of either is seen by pointerAt too.
  if (!overrides.pointerAt) exe.pointerAt = pointerReader(exe, exe.pointerFixups);
  return exe;
}

/** A report with nothing in it but what the test sets. */
export function bareReport(overrides: Partial<Report> = {}): Report {
  return { ...emptyReport({ name: 'synthetic', size: 0, sha256: '' }), ...overrides };
}

/** Strings as the extractor would give them, for rule tests that start from text: one Go literal each unless told. */
export function stringsOf(
  values: string[],
  section: string | null = '.rodata',
  kind: FoundString['kind'] = 'literal',
): FoundString[] {
  let offset = 0x1000;
  return values.map((value) => {
    const length = new TextEncoder().encode(value).length;
    const found: FoundString = { value, offset, section, encoding: kind === 'literal' ? 'go' : 'ascii', kind, length };
    offset += length + 1;
    return found;
  });
}
