// Random byte flips with a fixed seed, so CI sees the same 300 files every run. Flips aim mostly at the places the
// parser reads (headers, header tables, the dynamic section); the rest land anywhere in the file.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { outcomeOf } from './hostile-input';
import { readelfProgramHeaders } from './readelf-text';
import { fuzzOptions } from '../../../../test/fuzz';

const { seed: SEED, numRuns: RUNS } = fuzzOptions(300);
const HOT_SPAN = 4096;
/** A parse takes a few milliseconds; the budget is loose for busy CI machines, tight against a runaway loop. */
const PER_FILE_BUDGET_MS = 1000;

interface Target {
  name: string;
  bytes: Uint8Array;
  /** File offsets the parser reads first: the ELF header, the section header table, the dynamic section. */
  hotSpots: number[];
}

function target(name: string): Target {
  const sectionTable = /starting at offset 0x([0-9a-f]+)/.exec(truth(`${name}.readelf-S.txt`))?.[1];
  const dynamic = readelfProgramHeaders(truth(`${name}.readelf-l.txt`)).segments.find((s) => s.type === 'DYNAMIC');
  const hotSpots = [0, sectionTable ? parseInt(sectionTable, 16) : 0, dynamic?.offset ?? 0];
  return { name, bytes: fixture(name), hotSpots };
}

const TARGETS = ['linux-amd64-cgo', 'linux-mips', 'linux-s390x', 'linux-386'].map(target);

/** `hot` 0-2 picks a hot spot, 3 (no such spot) means anywhere in the file. */
const flip = fc.record({
  hot: fc.nat({ max: 3 }),
  delta: fc.nat(),
  xor: fc.integer({ min: 1, max: 255 }),
});

test(`parseElf on ${RUNS} damaged fixtures returns an Exe, null or a FormatError, quickly`, () => {
  let slowest = 0;
  fc.assert(
    fc.property(fc.constantFrom(...TARGETS), fc.array(flip, { minLength: 1, maxLength: 8 }), (chosen, flips) => {
      const bytes = chosen.bytes;
      const offsets = flips.map(({ hot, delta }) => {
        const spot = chosen.hotSpots[hot];
        return spot === undefined ? delta % bytes.length : Math.min(bytes.length - 1, spot + (delta % HOT_SPAN));
      });
      // Damage in place and undo afterwards (xor twice): copying megabytes per run would dominate the test.
      const toggle = (): void => offsets.forEach((at, i) => (bytes[at] = bytes[at]! ^ flips[i]!.xor));
      toggle();
      const started = performance.now();
      try {
        // outcomeOf rethrows anything but a FormatError, which fails the property with the shrunk input.
        outcomeOf(bytes);
      } finally {
        toggle();
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      expect(elapsed).toBeLessThan(PER_FILE_BUDGET_MS);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(slowest).toBeLessThan(PER_FILE_BUDGET_MS);
  for (const { name, bytes } of TARGETS) expect(Buffer.from(bytes).equals(fixture(name))).toBe(true);
});
