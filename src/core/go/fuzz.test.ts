import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import type { Exe } from '../formats/exe';
import { FormatError } from '../io/errors';
import { readBuildInfo } from './buildinfo';
import { readFunctions } from './functions';
import { analyzeGo } from './index';
import { parsePclntab } from './pclntab';
import { ByteReader } from '../io/reader';
import { exeOf, readelfSection } from './testing/exes';
import { resolveTextStart } from './textstart';
import { fuzzOptions } from '../../../test/fuzz';

/**
 * Byte flips inside the pclntab and the build info of linux-amd64, with a fixed seed. The pieces may throw only
 * FormatError; analyzeGo throws nothing. The Exe is parsed once from the intact file; the flips are made in place
 * (the Exe's views see them) and undone after each run.
 */
const NAME = 'linux-amd64';
let bytes: Uint8Array;
let exe: Exe;
let pclntab: { offset: number; size: number };
let buildInfo: { offset: number; size: number };

beforeAll(() => {
  bytes = fixture(NAME);
  exe = exeOf(bytes);
  pclntab = readelfSection(NAME, '.gopclntab')!;
  buildInfo = readelfSection(NAME, '.go.buildinfo')!;
});

function onlyFormatErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
}

/**
 * analyzeGo runs every piece through guarded(), which rethrows anything but a FormatError: its not throwing shows
 * both properties for the Exe paths. The Exe-less entry points are called directly as well.
 */
function checkAnalysis(): void {
  const { go } = analyzeGo(exe, bytes);
  expect(go).not.toBeNull(); // one of the two structures is always left intact
}

function checkTableAt(): void {
  checkAnalysis();
  onlyFormatErrors(() => {
    const end = pclntab.offset + pclntab.size;
    const table = { ...parsePclntab(new ByteReader(bytes), pclntab.offset, end), fileOffset: -1, address: null };
    readFunctions(table, resolveTextStart(table, null, bytes).address);
  });
}

function checkBuildInfoScan(): void {
  checkAnalysis();
  onlyFormatErrors(() => readBuildInfo(null, bytes));
}

/** Flips of 1–8 bytes at offsets from `pick`, undone afterwards. */
function withFlips(flips: { at: number; mask: number }[], run: () => void): void {
  const saved = flips.map(({ at }) => bytes[at]!);
  try {
    for (const { at, mask } of flips) bytes[at]! ^= mask;
    run();
  } finally {
    flips.forEach(({ at }, i) => {
      bytes[at] = saved[i]!;
    });
  }
}

const flip = (start: () => number, size: () => number) =>
  fc.record({
    at: fc.nat().map((n) => start() + (n % size())),
    mask: fc.integer({ min: 1, max: 255 }),
  });

describe('fuzz (seed 42)', () => {
  it('flips in the pclntab: header, function table and records, pc data', () => {
    // Half the flips land in the first 512 bytes (header, start of the name table), half anywhere in the table.
    const near = flip(
      () => pclntab.offset,
      () => 512,
    );
    const anywhere = flip(
      () => pclntab.offset,
      () => pclntab.size,
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(near, anywhere), { minLength: 1, maxLength: 8 }), (flips) => {
        withFlips(flips, checkTableAt);
      }),
      fuzzOptions(200),
    );
  });

  it('flips in the build info header and module text', () => {
    const inHeader = flip(
      () => buildInfo.offset,
      () => buildInfo.size,
    );
    fc.assert(
      fc.property(fc.array(inHeader, { minLength: 1, maxLength: 8 }), (flips) => {
        withFlips(flips, checkBuildInfoScan);
      }),
      fuzzOptions(200),
    );
  });
});
