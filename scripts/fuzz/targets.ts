// What the long fuzz run feeds, and what each parser may answer. A parser may return its result or null, or throw
// a FormatError for malformed bytes; the whole analysis, the Go analyzer and the strings/findings stage throw
// nothing at all (they turn FormatErrors into diagnostics). Anything else is a crash.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { analyzeFindings } from '../../src/core/findings/index';
import { parseExecutable } from '../../src/core/formats/detect';
import { parseElf } from '../../src/core/formats/elf/index';
import type { Exe } from '../../src/core/formats/exe';
import { parseFat, parseMachO } from '../../src/core/formats/macho/index';
import { parsePe } from '../../src/core/formats/pe/index';
import { analyzeGo, findPclntab, readBuildInfo } from '../../src/core/go/index';
import { FormatError } from '../../src/core/io/errors';
import { emptyReport } from '../../src/core/report/build';
import { extractStrings } from '../../src/core/strings/index';
import { InPlaceEdits, mutateInPlace, mutateText, type Random, type Region } from './mutate';
import { sbomTargets } from './sbom-targets';
import { upxTargets } from './upx-targets';

/** One mutated input: its bytes, what the check needs besides them, and how to put the seed file back. */
export interface Input {
  bytes: Uint8Array;
  seedName: string;
  exe?: Exe;
  undo(): void;
}

export interface Target {
  name: string;
  /**
   * How many inputs of this target per thousand. Sized so each kind of reader gets a fair share of the run's time
   * (a binary reader costs ten to forty times an SBOM parse, the whole analysis some four hundred times).
   */
  weight: number;
  input(random: Random): Input;
  /** Runs the parser; throws only what the target does not expect. */
  check(input: Input): void | Promise<void>;
  /** Work done once per process before the run, such as compiling the schema validators. */
  warmUp?(): Promise<void>;
}

interface SeedFile {
  name: string;
  bytes: Uint8Array;
  regions: Region[];
}

const FIXTURE_BIN = join('test', 'fixtures', 'bin');
const HEAD = 4096;
/** The first bytes of every section: the tables the readers decode start there. */
const SECTION_HEAD = 1024;

/** Headers, the file's last pages (ELF section headers, Mach-O symbols) and the start of every section. */
function regionsOf(bytes: Uint8Array): Region[] {
  const regions: Region[] = [
    { start: 0, size: HEAD },
    { start: Math.max(0, bytes.length - 2 * HEAD), size: 2 * HEAD },
  ];
  try {
    const parsed = parseExecutable(bytes);
    parsed?.exes.forEach((exe, i) => {
      const base = parsed.sliceOffsets[i] ?? 0;
      regions.push({ start: base, size: HEAD });
      for (const s of exe.sections)
        if (s.fileSize > 0) regions.push({ start: base + s.offset, size: Math.min(s.fileSize, SECTION_HEAD) });
    });
  } catch {
    // A fixture our reader cannot read is still worth mutating from its header.
  }
  return regions;
}

export function loadSeed(name: string): SeedFile {
  const bytes = new Uint8Array(readFileSync(join(FIXTURE_BIN, name)));
  return { name, bytes, regions: regionsOf(bytes) };
}

const ALL_BINARIES = readdirSync(FIXTURE_BIN).sort();

function onlyFormatErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

/** Uses everything an Exe offers, so a failure deferred to an accessor surfaces too. */
function touch(exe: Exe): void {
  for (const section of exe.sections) {
    exe.sectionData(section);
    exe.readAt(section.address, 64);
    exe.fileOffsetOf(section.address);
  }
  exe.readAt(exe.entry, 64);
  // Reading every field runs any getter that defers work; the values themselves are plain data.
  for (const field of [exe.segments, exe.symbols, exe.notes, exe.diagnostics, exe.linkage.needed]) void field.length;
  void Object.keys(exe.header).length;
}

/** Flips in place, sometimes with the file cut short (a view, so nothing is copied). */
function binaryInput(random: Random, seeds: SeedFile[], truncate: boolean): Input {
  const seed = random.pick(seeds);
  const edits = new InPlaceEdits(seed.bytes);
  mutateInPlace(random, seed.bytes, seed.regions, edits);
  const cut = truncate && random.below(10) === 0 ? random.below(seed.bytes.length) : seed.bytes.length;
  return { bytes: seed.bytes.subarray(0, cut), seedName: seed.name, undo: () => edits.undo() };
}

function readerTarget(name: string, files: string[], weight: number, parse: (b: Uint8Array) => Exe[]): Target {
  let seeds: SeedFile[] | null = null;
  return {
    name,
    weight,
    input: (random) => binaryInput(random, (seeds ??= files.map(loadSeed)), true),
    check: (input) => onlyFormatErrors(() => parse(input.bytes).forEach(touch)),
  };
}

const list = (exe: Exe | null): Exe[] => (exe ? [exe] : []);

interface GoSeed extends SeedFile {
  exe: Exe;
}

/** The pclntab and the build info of a Go binary, located in the intact file. */
function goSeed(name: string): GoSeed {
  const bytes = new Uint8Array(readFileSync(join(FIXTURE_BIN, name)));
  const parsed = parseExecutable(bytes)!;
  const exe = parsed.exes[0]!;
  const regions: Region[] = [];
  const table = findPclntab(exe, bytes);
  if (table && table.fileOffset >= 0) {
    regions.push({ start: table.fileOffset, size: 512 });
    const end = table.functab + (table.nfunc + 1) * 2 * table.ptrSize;
    regions.push({ start: table.fileOffset, size: Math.max(512, end) });
  }
  const info = readBuildInfo(exe, bytes);
  const infoAt = info ? info.info.offset : -1;
  if (infoAt >= 0) regions.push({ start: infoAt, size: 64 }, { start: infoAt, size: 4096 });
  return { name, bytes, regions, exe };
}

/** analyzeGo over an Exe read from the intact file: the flips reach the Go structures through its views. */
function goTarget(): Target {
  let seeds: GoSeed[] | null = null;
  const names = ['linux-amd64', 'linux-386', 'linux-arm', 'linux-mips', 'windows-amd64.exe', 'darwin-arm64'];
  return {
    name: 'go',
    weight: 50,
    input(random) {
      const seed = random.pick((seeds ??= names.map(goSeed)));
      const edits = new InPlaceEdits(seed.bytes);
      mutateInPlace(random, seed.bytes, seed.regions, edits, false);
      return { bytes: seed.bytes, seedName: seed.name, exe: seed.exe, undo: () => edits.undo() };
    },
    check(input) {
      analyzeGo(input.exe!, input.bytes);
      onlyFormatErrors(() => readBuildInfo(null, input.bytes));
    },
  };
}

/** A window of a binary's data, changed and seeded with secret-like text, through strings and findings. */
function stringsTarget(): Target {
  let seeds: SeedFile[] | null = null;
  return {
    name: 'strings',
    weight: 100,
    input(random) {
      const seed = random.pick((seeds ??= ['leaky-linux-amd64', 'linux-amd64', 'windows-386.exe'].map(loadSeed)));
      const region = random.pick(seed.regions);
      const size = 1024 + random.below(31 * 1024);
      const start = Math.min(region.start, Math.max(0, seed.bytes.length - size));
      const bytes = mutateText(random, seed.bytes.slice(start, start + size));
      return { bytes, seedName: `${seed.name}@${start}`, undo: () => {} };
    },
    check(input) {
      const report = emptyReport({ name: 'window', size: input.bytes.length, sha256: '' });
      const strings = extractStrings(null, input.bytes, { minLength: 4 });
      analyzeFindings({ exe: null, file: input.bytes, report, strings });
    },
  };
}

/** The whole analysis, as the app and the CLI run it, on a damaged binary. */
function analyzeTarget(): Target {
  let seeds: SeedFile[] | null = null;
  return {
    name: 'analyze',
    weight: 3,
    input: (random) => binaryInput(random, (seeds ??= ALL_BINARIES.map(loadSeed)), true),
    async check(input) {
      await analyze(input.bytes, { fileName: input.seedName });
    },
  };
}

const ELF = ALL_BINARIES.filter((name) => name.includes('linux'));
const PE = ALL_BINARIES.filter((name) => name.endsWith('.exe'));

export const TARGETS: Target[] = [
  readerTarget('elf', ELF, 120, (b) => list(parseElf(b))),
  readerTarget('pe', PE, 80, (b) => list(parsePe(b))),
  readerTarget('macho', ['darwin-amd64', 'darwin-arm64'], 80, (b) => list(parseMachO(b))),
  readerTarget('fat', ['darwin-fat'], 20, (b) => parseFat(b)?.exes ?? []),
  goTarget(),
  stringsTarget(),
  ...sbomTargets(),
  analyzeTarget(),
  ...upxTargets(),
];

/** The target of input `index`, picked by weight from the input's own generator. */
export function targetFor(random: Random): Target {
  const total = TARGETS.reduce((sum, t) => sum + t.weight, 0);
  let pick = random.below(total);
  for (const target of TARGETS) {
    if (pick < target.weight) return target;
    pick -= target.weight;
  }
  return TARGETS[TARGETS.length - 1]!;
}
