import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../test/fuzz';
import { Redactor } from './redactor';

// The masks here are written out by the rule maskSecret documents: the first and last four characters kept, a
// quarter of the length each side for short values (13 characters keep 3).
describe('Redactor', () => {
  const redactor = Redactor.of(['ghp_0123456789abcdefghij', 's3cr3t-Value!']);

  it('masks every occurrence inside a longer text and keeps the rest in clear', () => {
    expect(redactor.text('-X main.apiToken=ghp_0123456789abcdefghij -X main.user=jdoe')).toBe(
      '-X main.apiToken=ghp_…ghij -X main.user=jdoe',
    );
    expect(redactor.text('a=ghp_0123456789abcdefghij;b=ghp_0123456789abcdefghij')).toBe('a=ghp_…ghij;b=ghp_…ghij');
  });

  it('treats regular-expression characters in a secret as plain text', () => {
    expect(redactor.text('pw s3cr3t-Value! and s3cr3t-ValueX')).toBe('pw s3c…ue! and s3cr3t-ValueX');
  });

  it('returns the same string when there is nothing to mask', () => {
    const text = 'nothing secret here, not even ghp_0123';
    expect(redactor.text(text)).toBe(text);
  });

  it('masks the longer of two secrets that start alike', () => {
    const nested = Redactor.of(['abcdefgh', 'abcdefgh-and-more']);
    expect(nested.text('x abcdefgh-and-more y abcdefgh')).toBe('x abcd…more y ab…gh');
  });

  it('masks overlapping secrets both', () => {
    const overlap = Redactor.of(['tokenAAAA1111', '1111tail']);
    expect(overlap.text('tokenAAAA1111tail')).not.toMatch(/tokenAAAA1111|1111tail/);
  });

  it('ignores values too short to mask inside text', () => {
    expect(Redactor.of(['abc']).size).toBe(0);
    expect(Redactor.of(['abc']).text('abc abc')).toBe('abc abc');
  });

  it('masks strings deep inside data, shares the parts without secrets and reports each path', () => {
    const clean = { name: 'main', count: 3 };
    const data = { clean, list: ['plain', 'tok ghp_0123456789abcdefghij'], nested: { v: 's3cr3t-Value!' } };
    const seen: [string, string][] = [];
    const shown = redactor.value(data, (path, clear) => seen.push([path, clear]));
    expect(shown).toEqual({ clean, list: ['plain', 'tok ghp_…ghij'], nested: { v: 's3c…ue!' } });
    expect(shown.clean).toBe(clean);
    expect(data.list[1]).toBe('tok ghp_0123456789abcdefghij');
    expect(seen).toEqual([
      ['list/1', 'tok ghp_0123456789abcdefghij'],
      ['nested/v', 's3cr3t-Value!'],
    ]);
  });

  it('masks object keys too', () => {
    expect(redactor.value({ ghp_0123456789abcdefghij: 1 })).toEqual({ 'ghp_…ghij': 1 });
  });

  it('with no secrets, hands back the input itself', () => {
    const data = { a: ['x'] };
    expect(Redactor.none.value(data)).toBe(data);
    expect(Redactor.of([]).text('ghp_0123456789abcdefghij')).toBe('ghp_0123456789abcdefghij');
  });

  it('never lets a secret through, whatever surrounds or overlaps it (seeded fuzz)', () => {
    const piece = fc.stringMatching(/^[a-zA-Z0-9_=-]{0,12}$/);
    const secret = fc.stringMatching(/^[a-zA-Z0-9_=-]{4,20}$/);
    const secrets = fc.array(secret, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(secrets, fc.array(piece, { maxLength: 6 }), (values, pieces) => {
        const text = pieces.flatMap((p, i) => [p, values[i % values.length]!]).join('') + values.join('');
        const shown = Redactor.of(values).text(text);
        for (const value of values) expect(shown).not.toContain(value);
      }),
      fuzzOptions(300),
    );
  });
});
