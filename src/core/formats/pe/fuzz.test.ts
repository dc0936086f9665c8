// Random byte flips with a fixed seed, concentrated where the reader trusts the file most (headers, section
// table, import directory, symbol table): parsePe must return an Exe or null, or throw a FormatError, quickly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { FormatError } from '../../io/errors';
import { parsePe } from './index';
import { parseObjdumpSections, touchAll } from './test-support';
import { fuzzOptions } from '../../../../test/fuzz';

interface Flip {
  offset: number;
  value: number;
}

function hotSpots(name: string, length: number): fc.Arbitrary<number> {
  const rows = parseObjdumpSections(truth(`${name}.objdump-h.txt`));
  const idata = rows.find((r) => r.name === '.idata')!;
  const symtab = rows.find((r) => r.name === '.symtab')!;
  return fc.oneof(
    fc.integer({ min: 0, max: rows[0]!.fileOffset - 1 }),
    fc.integer({ min: idata.fileOffset, max: idata.fileOffset + idata.size - 1 }),
    fc.integer({ min: symtab.fileOffset, max: Math.min(length, symtab.fileOffset + 512) - 1 }),
    fc.integer({ min: 0, max: length - 1 }),
  );
}

describe.each(['windows-amd64.exe', 'windows-386.exe'])('%s with flipped bytes', (name) => {
  it('gives an Exe, null or a FormatError, fast', () => {
    const original = fixture(name);
    const work = original.slice();
    const flips = fc.array(
      fc.record({ offset: hotSpots(name, original.length), value: fc.integer({ min: 0, max: 255 }) }),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    let slowest = 0;
    fc.assert(
      fc.property(flips, (changes: Flip[]) => {
        for (const { offset, value } of changes) work[offset] = value;
        const started = performance.now();
        try {
          touchAll(parsePe(work));
        } catch (error) {
          if (!(error instanceof FormatError)) throw error;
        } finally {
          slowest = Math.max(slowest, performance.now() - started);
          // Restore instead of copying 1.6 MB per run.
          for (const { offset } of changes) work[offset] = original[offset]!;
        }
      }),
      fuzzOptions(300),
    );
    expect(slowest).toBeLessThan(500);
  });
});
