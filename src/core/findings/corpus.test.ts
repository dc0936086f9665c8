import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../test/fuzz';
import { StringCorpus } from './corpus';
import { SECRET_PATTERNS } from './rules/secret-patterns';
import { stringsOf } from './testing/synthetic-exe';

// Pieces that make the patterns below match, half-match and sit at the edges of strings.
const PIECES = ['AKIA', 'ASIA', 'ABCDEFGHIJKLMNOP', 'eyJ', 'abcdefghijkl', '.', '@', 'mail', 'x.org', '://', ':', '-'];
const PIECES_RE = [
  'user',
  'pass',
  'host',
  '10.',
  '1',
  '/',
  ' ',
  'Q',
  'a@b.org',
  'ftp://u:pwd@h',
  'AKIAABCDEFGHIJKLMNOP',
];

const byNeedle: [RegExp, string[]][] = [
  [/(?<![\w.+%:/-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]+\.)+([A-Za-z]{2,24})(?![\w-])/g, ['@']],
  [/\b[a-z]+:\/\/[^\s:@/\0]{1,64}:(?<secret>[^\s@/\0]{3,128})@[A-Za-z0-9.-]+/gi, ['://']],
  [/(?<![\d.])10\.\d{1,3}(?![\d.]*\d)/g, ['10.']],
  ...SECRET_PATTERNS.filter((p) => p.needles).map((p): [RegExp, string[]] => [p.pattern, p.needles!]),
];

const places = (corpus: StringCorpus, pattern: RegExp) =>
  [...corpus.matches(pattern)].map((m) => [m.offset, m.index, m.match[0], m.string.value]);

describe('StringCorpus.containing', () => {
  it('finds what the whole corpus finds for patterns whose matches hold a needle', () => {
    const text = fc.array(fc.constantFrom(...PIECES, ...PIECES_RE), { maxLength: 30 }).map((parts) => parts.join(''));
    let matched = 0;
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (values) => {
        const corpus = new StringCorpus(stringsOf(values));
        for (const [pattern, needles] of byNeedle) {
          const whole = places(corpus, pattern);
          expect(places(corpus.containing(needles), pattern)).toEqual(whole);
          matched += whole.length;
        }
      }),
      fuzzOptions(300, 20261201),
    );
    // The pieces make matches: the comparison is not between two empty lists.
    expect(matched).toBeGreaterThan(50);
  });

  it('keeps only the strings that hold a needle, in their order', () => {
    const corpus = new StringCorpus(stringsOf(['no', 'a@b', 'none', 'x://y', 'c@d']));
    expect(corpus.containing(['@', '://']).strings.map((s) => s.value)).toEqual(['a@b', 'x://y', 'c@d']);
    expect(corpus.containing([])).toBe(corpus);
  });
});
