import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStrings } from '../strings/index';
import { analyzeFindings } from './index';
import { bareReport, section, stringsOf, syntheticExe } from './testing/synthetic-exe';
import { fuzzOptions } from '../../../test/fuzz';

// Fragments that steer random text into the patterns' hot paths, where slow backtracking would show.
const FRAGMENTS = [
  'AKIA',
  'ghp_',
  'github_pat_',
  'xoxb-',
  'eyJ',
  '.',
  '-----BEGIN ',
  'PRIVATE KEY-----',
  '\n',
  'password=',
  'AccountKey=',
  '://',
  ':',
  '@',
  '/home/',
  'A',
  'z',
  '0',
  '=',
  '-',
  '_',
  '10.',
  '.corp',
  ' ',
];

describe('fuzz (fixed seed)', () => {
  it('extractStrings survives random bytes, with and without an Exe, quickly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), (bytes, withExe) => {
        const exe = withExe
          ? syntheticExe(bytes, {
              sections: [
                section('.rodata', 'rodata', 0x1000, 0, bytes.length >> 1),
                section(
                  '.data',
                  'data',
                  0x1000 + (bytes.length >> 1),
                  bytes.length >> 1,
                  bytes.length - (bytes.length >> 1),
                ),
              ],
            })
          : null;
        const started = performance.now();
        const found = extractStrings(exe, bytes, { minLength: 3 });
        expect(performance.now() - started).toBeLessThan(200);
        for (const s of found) expect(s.offset >= 0 && s.offset < bytes.length).toBe(true);
      }),
      fuzzOptions(300, 20260102),
    );
  });

  it('the rules survive random text and stay fast on adversarial fragments', () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (values) => {
        const started = performance.now();
        const { findings } = analyzeFindings({
          exe: null,
          file: new Uint8Array(0),
          report: bareReport(),
          strings: stringsOf(values),
        });
        expect(performance.now() - started).toBeLessThan(500);
        expect(Array.isArray(findings)).toBe(true);
      }),
      fuzzOptions(300, 20260102),
    );
  });
});
