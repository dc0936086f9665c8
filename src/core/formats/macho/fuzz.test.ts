// Random byte flips with a fixed seed: the readers return an Exe or null, or throw a FormatError, and the Exe's
// accessors never throw. A longer run is the same property with a larger numRuns and no seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/fixtures';
import { FormatError } from '../../io/errors';
import type { Exe } from '../exe';
import { parseFat, parseMachO } from './index';
import { fuzzOptions } from '../../../../test/fuzz';

/** The header and load commands of the darwin fixtures fit in the first page. */
const HEADER_REGION = 4096;

function flips(length: number, region: number) {
  return fc.array(fc.tuple(fc.nat({ max: Math.min(length, region) - 1 }), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 24,
  });
}

/** Applies flips in place, runs `check`, and puts the original bytes back so no copy of the file is needed. */
function withFlips(bytes: Uint8Array, edits: [number, number][], offsetBase: number, check: () => void): void {
  const saved = edits.map(([at]) => bytes[offsetBase + at]!);
  for (const [at, value] of edits) bytes[offsetBase + at] = value;
  try {
    check();
  } finally {
    for (let i = edits.length - 1; i >= 0; i--) bytes[offsetBase + edits[i]![0]] = saved[i]!;
  }
}

function exercise(exe: Exe): void {
  for (const section of exe.sections) {
    exe.sectionData(section);
    exe.readAt(section.address, 64);
    exe.fileOffsetOf(section.address);
  }
  exe.readAt(exe.entry, 16);
}

function expectSound(parse: () => Exe | Exe[] | null): void {
  try {
    const result = parse();
    for (const exe of Array.isArray(result) ? result : result ? [result] : []) exercise(exe);
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
  }
}

describe('fuzzing with flipped bytes', () => {
  const thin = fixture('darwin-arm64');
  const fat = fixture('darwin-fat');

  // Flips across the whole file land mostly in code and DWARF bytes the reader never interprets, so the runs
  // go where the reader does interpret: the header and load commands, and the symbol table.
  it('thin: flips in the header and load commands', () => {
    fc.assert(
      fc.property(flips(thin.length, HEADER_REGION), (edits) => {
        withFlips(thin, edits, 0, () => expectSound(() => parseMachO(thin)));
      }),
      fuzzOptions(300),
    );
  });

  it('thin: flips in the symbol table entries', () => {
    // symoff of darwin-arm64, from its llvm-objdump header dump; 2008 entries of 16 bytes.
    const symoff = 1495032;
    fc.assert(
      fc.property(flips(2008 * 16, 2008 * 16), (edits) => {
        withFlips(thin, edits, symoff, () => expectSound(() => parseMachO(thin)));
      }),
      fuzzOptions(300),
    );
  });

  it('fat: flips in the fat header and the first slice header', () => {
    fc.assert(
      fc.property(flips(fat.length, (1 << 14) + HEADER_REGION), (edits) => {
        withFlips(fat, edits, 0, () => expectSound(() => parseFat(fat)?.exes ?? null));
      }),
      fuzzOptions(300),
    );
  });
});
