// Binaries no one here built (esbuild's Go binary, the system's /bin/ls) and patched copies of a fixture, held
// against readelf run on the same bytes. Skipped, with the reason, where readelf or the binary is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { esbuildPath, fixture, truth } from '../../../../test/fixtures';
import { parseElf } from './index';
import {
  expectDynamicMatches,
  expectMatchesReadelf,
  expectSectionsMatch,
  expectSegmentsMatch,
  type ReadelfTexts,
} from './readelf-checks';
import { readelfProgramHeaders } from './readelf-text';

function readelf(args: string[], path: string): string {
  const run = spawnSync('readelf', [...args, path], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (run.error) throw run.error;
  return run.stdout;
}

const haveReadelf = spawnSync('readelf', ['--version']).status === 0;

function readelfTexts(path: string): ReadelfTexts {
  return {
    sections: readelf(['-SW'], path),
    segments: readelf(['-lW'], path),
    dynamic: readelf(['-dW'], path),
    notes: readelf(['-nW'], path),
    versions: readelf(['-VW'], path),
  };
}

/** `readelf --dyn-syms -W` rows after the null entry: the name, and the version an undefined symbol needs. */
function readelfDynamicSymbols(path: string): { name: string; library: string | undefined }[] {
  const rows: { name: string; library: string | undefined }[] = [];
  for (const line of readelf(['--dyn-syms', '-W'], path).split('\n')) {
    const m = /^\s*(\d+): [0-9a-f]+\s+\S+\s+\w+\s+\w+\s+\w+\s+(\S+)\s*(\S*)/.exec(line);
    if (!m || m[1] === '0') continue;
    const [name, version] = m[3]!.split(/@+/);
    rows.push({ name: name!, library: m[2] === 'UND' ? version : undefined });
  }
  return rows;
}

const SYSTEM_BINARIES = [
  { label: 'esbuild (Go, stripped, not built here)', path: esbuildPath },
  { label: '/bin/ls (C, dynamic PIE)', path: '/bin/ls' },
];

describe.each(SYSTEM_BINARIES)('$label against readelf on this machine', ({ path }) => {
  const runnable = haveReadelf && existsSync(path);

  test.skipIf(!runnable)('sections, segments, dynamic, notes and versions equal readelf', () => {
    const exe = parseElf(new Uint8Array(readFileSync(path)))!;
    expect(exe.diagnostics).toEqual([]);
    expectMatchesReadelf(exe, readelfTexts(path));
  });

  test.skipIf(!runnable)('dynamic symbols and their versions equal readelf --dyn-syms', () => {
    const exe = parseElf(new Uint8Array(readFileSync(path)))!;
    const ours = exe.symbols.filter((s) => s.dynamic).map((s) => ({ name: s.name, library: s.library }));
    expect(ours).toEqual(readelfDynamicSymbols(path));
  });
});

/** A scratch directory for patched copies readelf can open, removed after the describe block. */
function scratchDir(): string {
  const dir = haveReadelf ? mkdtempSync(join(tmpdir(), 'gobinscope-elf-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('patched copies of linux-amd64-cgo: dynamic symbols and the dynamic section', () => {
  const dir = scratchDir();

  test.skipIf(!haveReadelf)('dynamic symbols of the cgo build carry their GLIBC versions', () => {
    const path = join(dir, 'cgo');
    writeFileSync(path, fixture('linux-amd64-cgo'));
    const exe = parseElf(fixture('linux-amd64-cgo'))!;
    const ours = exe.symbols.filter((s) => s.dynamic).map((s) => ({ name: s.name, library: s.library }));
    expect(ours).toEqual(readelfDynamicSymbols(path));
  });

  test.skipIf(!haveReadelf)('RPATH, RUNPATH, FLAGS and FLAGS_1 read as readelf reads them', () => {
    const bytes = fixture('linux-amd64-cgo');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const dynamic = readelfProgramHeaders(truth('linux-amd64-cgo.readelf-l.txt')).segments.find(
      (s) => s.type === 'DYNAMIC',
    )!;
    const entries = Array.from({ length: dynamic.fileSize / 16 }, (_, i) => dynamic.offset + i * 16);
    const neededName = view.getBigUint64(entries.find((at) => view.getBigUint64(at, true) === 1n)! + 8, true);
    // Retag entries nothing reads here (DT_DEBUG, DT_INIT, DT_FINI, DT_INIT_ARRAYSZ) as the ones under test.
    const retag: [bigint, bigint, bigint][] = [
      [0x15n, 0x1dn, neededName],
      [0x0cn, 0x0fn, neededName],
      [0x0dn, 0x1en, 0x8n | 0x4n],
      [0x1bn, 0x6ffffffbn, 0x08000001n],
    ];
    for (const [from, to, value] of retag) {
      const at = entries.find((offset) => view.getBigUint64(offset, true) === from)!;
      view.setBigUint64(at, to, true);
      view.setBigUint64(at + 8, value, true);
    }
    const path = join(dir, 'cgo-retagged');
    writeFileSync(path, bytes);
    const exe = parseElf(bytes)!;
    expect(exe.linkage.runpath.length).toBe(1);
    expect(exe.header).toMatchObject({ bindNow: true, pieFlag: true, textrel: true });
    expectDynamicMatches(exe, readelf(['-dW'], path));
  });
});

describe('patched copies of linux-amd64-cgo: type names and flag letters', () => {
  const dir = scratchDir();
  // Values no fixture carries, to check the names readelf gives them: range names, unknowns, machine-specific ones.
  const SECTION_TYPES = [
    0x70000001, 0x6ffffff5, 0x60000001, 0x80000001, 0x13, 0x12, 0x11, 0x10, 0x6ffffffd, 0x7ffffffd, 0x7fffffff, 0x30,
    0x6ffffff7, 0x6fffff00, 0x70000003, 10,
  ];
  const SECTION_FLAGS = [
    0x80000000n,
    0x200n,
    0x80n,
    0x100n,
    0x10000000n,
    0x100000n,
    0x40000000n,
    0x1000n,
    0x01000000n,
    0x200000n,
    0x1100000n,
    0xc0000000n,
    0x20000000n,
    1n << 32n,
    0x8n,
    0x3800n,
  ];
  const SEGMENT_TYPES = [0x6474e554, 0x70000000, 0x60000000, 0x80000000, 5, 0];

  test.skipIf(!haveReadelf).each([0, 3])('section types, flag letters and segment types under EI_OSABI %i', (osabi) => {
    const bytes = fixture('linux-amd64-cgo');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sectionTable = parseInt(
      /starting at offset 0x([0-9a-f]+)/.exec(truth('linux-amd64-cgo.readelf-S.txt'))![1]!,
      16,
    );
    const programTable = Number(/starting at offset (\d+)/.exec(truth('linux-amd64-cgo.readelf-l.txt'))![1]);
    bytes[7] = osabi;
    // Sections 1-16 get new types, 17-32 new flags; the six segments that are not LOAD, INTERP, DYNAMIC or NOTE
    // (PHDR and the last five) get new types.
    SECTION_TYPES.forEach((type, i) => view.setUint32(sectionTable + (i + 1) * 64 + 4, type, true));
    SECTION_FLAGS.forEach((flags, i) => view.setBigUint64(sectionTable + (i + 17) * 64 + 8, flags, true));
    [0, 9, 10, 11, 12, 13].forEach((index, i) => view.setUint32(programTable + index * 56, SEGMENT_TYPES[i]!, true));
    const path = join(dir, `cgo-names-${osabi}`);
    writeFileSync(path, bytes);
    const exe = parseElf(bytes)!;
    expectSectionsMatch(exe, readelf(['-SW'], path));
    expectSegmentsMatch(exe, readelf(['-lW'], path));
  });
});
