// Seeded random damage to tar archives: byte flips aimed at headers and extended headers, truncation and random
// chunking. The reader must give entries or a FormatError, never another error, and never allocate what the input
// cannot hold.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { END, concat, entry, text } from '../../../test/container/tar-writer';
import { fuzzOptions } from '../../../test/fuzz';
import { FormatError } from '../io/errors';
import { normalizeEntryPath } from './layers';
import { TarParser, collectInto } from './tar';

const { seed: SEED, numRuns: RUNS } = fuzzOptions(500, 1616);

const longName = `${'folder/'.repeat(30)}name`;
const paxRecord = `path=${longName}\n`;
const paxLength = paxRecord.length + String(paxRecord.length + 4).length + 1;
const SAMPLE = concat(
  entry({ name: 'a.txt' }, text('first file\n')),
  entry({ name: 'PaxHeader', type: 'x' }, text(`${paxLength} ${paxRecord}`)),
  entry({ name: 'pax-named' }, new Uint8Array(1300).fill(7)),
  entry({ name: '././@LongLink', type: 'L' }, text(`${longName}-gnu\0`)),
  entry({ name: 'gnu-named' }, text('gnu')),
  entry({ name: 'dir/', type: '5' }),
  entry({ name: 'dir/link', type: '2', linkName: '../a.txt' }),
  END,
);
const HOT = [0, 124, 148, 156, 512, 1024, 1536, 2048];

const damage = fc.record({
  flips: fc.array(fc.record({ at: fc.nat(), hot: fc.boolean(), xor: fc.integer({ min: 1, max: 255 }) }), {
    maxLength: 6,
  }),
  cut: fc.option(fc.nat(), { nil: undefined }),
  chunk: fc.integer({ min: 1, max: 3000 }),
});

test(`the tar reader on ${RUNS} damaged archives gives entries or a FormatError`, () => {
  fc.assert(
    fc.property(damage, ({ flips, cut, chunk }) => {
      const bytes = SAMPLE.slice(0, cut === undefined ? SAMPLE.length : cut % SAMPLE.length);
      for (const { at, hot, xor } of flips) {
        const offset = hot ? HOT[at % HOT.length]! + ((at >> 3) % 16) : at;
        if (bytes.length > 0) bytes[offset % bytes.length] = bytes[offset % bytes.length]! ^ xor;
      }
      const parser = new TarParser((found) => {
        expect(typeof normalizeEntryPath(found.name)).not.toBe('undefined');
        // Only what the input can hold is collected, as the image reader does with its size limit.
        return found.size <= SAMPLE.length ? collectInto(found.size, () => undefined) : null;
      });
      try {
        for (let at = 0; at < bytes.length; at += chunk) parser.write(bytes.subarray(at, at + chunk));
        parser.end();
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        expect(error.offset).toBeGreaterThanOrEqual(0);
      }
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
