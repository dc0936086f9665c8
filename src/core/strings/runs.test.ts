import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binDir, fixture } from '../../../test/fixtures';
import { scanTextRuns } from './runs';

/** Printable ASCII runs by the definition (printable or tab, at least `min`), read with a regex over latin1. */
function asciiRuns(bytes: Uint8Array, min: number): { start: number; end: number }[] {
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  return [...text.matchAll(new RegExp(`[\\x20-\\x7e\\t]{${min},}`, 'g'))].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
}

const runsOf = (bytes: Uint8Array, min: number) =>
  scanTextRuns(bytes, min, 1e9).map(({ start, end }) => ({ start, end }));

describe('scanTextRuns', () => {
  it('finds exactly the printable runs of ASCII-only bytes, whatever the gaps between them (fixed seed)', () => {
    // Short runs and gaps of every length around the minimum: the scanner jumps ahead over what cannot hold text.
    const piece = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '~', ' ', '\t'), maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('\0', '\n', '\x7f', '\x01'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (pieces, min) => {
        const bytes = Uint8Array.from(pieces.join(''), (c) => c.charCodeAt(0));
        expect(runsOf(bytes, min)).toEqual(asciiRuns(bytes, min));
      }),
      { seed: 0x5eed, numRuns: 400 },
    );
  });

  it('counts characters, not bytes: a UTF-8 run just long enough is found right after a gap', () => {
    // "\0\0ab" + é (2 bytes) + "c" + € (3 bytes) + "\0": five characters in eight bytes from offset 2.
    const bytes = new Uint8Array([0, 0, 0x61, 0x62, 0xc3, 0xa9, 0x63, 0xe2, 0x82, 0xac, 0]);
    expect(scanTextRuns(bytes, 5, 10)).toEqual([{ start: 2, end: 10, encoding: 'utf8' }]);
    expect(scanTextRuns(bytes, 6, 10)).toEqual([]);
    // A continuation byte where a run would have to pass is no reason to skip it: the run starts at the lead.
    expect(scanTextRuns(new Uint8Array([0, 0xc3, 0xa9, 0x61, 0x62, 0x63, 0]), 4, 10)).toEqual([
      { start: 1, end: 6, encoding: 'utf8' },
    ]);
  });

  it.skipIf(!existsSync('/usr/bin/strings'))('finds every run `strings -a -n 6` prints in a whole binary', () => {
    const path = join(binDir, 'linux-amd64');
    const printed = execFileSync('/usr/bin/strings', ['-a', '-n', '6', '-t', 'd', path], {
      encoding: 'latin1',
      maxBuffer: 1 << 26,
    })
      .split('\n')
      .map((line) => /^\s*(\d+) /.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    const covered = new Uint8Array(fixture('linux-amd64').length + 1);
    for (const run of scanTextRuns(fixture('linux-amd64'), 6, 1e9)) covered.fill(1, run.start, run.end);
    expect(printed.length).toBeGreaterThan(1000);
    // Our runs also take UTF-8 text in, so a run of strings' may sit inside a longer one of ours; never outside.
    expect(printed.filter((offset) => !covered[offset])).toEqual([]);
  });
});
