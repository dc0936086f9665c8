import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../test/fuzz';
import { BaselineError, isCalendarDate, parseBaseline } from './parse';
import { MAX_BASELINE_BYTES } from './limits';

// The format is ours (docs/baseline.md): the expectations below are that document's rules, case by case.
const bytes = (text: string) => new TextEncoder().encode(text);
const ENTRY = { rule: 'secret.github-token', fingerprint: '0123456789abcdef', reason: 'a fake token in a fixture' };
const doc = (entries: unknown[], extra: object = {}) =>
  bytes(JSON.stringify({ gobinscopeBaseline: 1, entries, ...extra }));

function failure(input: Uint8Array): BaselineError {
  try {
    parseBaseline(input);
  } catch (error) {
    if (error instanceof BaselineError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseBaseline reads what the format allows', () => {
  it('entries with and without expires and subject, and a comment', () => {
    const entries = [ENTRY, { ...ENTRY, fingerprint: 'fedcba9876543210', expires: '2027-02-28', subject: 'x' }];
    expect(parseBaseline(doc(entries, { comment: 'reviewed in the release meeting' }))).toEqual({ entries });
    expect(parseBaseline(doc([]))).toEqual({ entries: [] });
  });

  it('a UTF-8 byte-order mark is read past', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...doc([ENTRY])]);
    expect(parseBaseline(withBom).entries).toEqual([ENTRY]);
  });
});

describe('parseBaseline refuses, naming the place', () => {
  it.each<[string, Uint8Array, string, RegExp]>([
    ['not JSON', bytes('{"entries": ['), '$', /is not JSON/],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), '$', /not UTF-8/],
    ['an array', bytes('[]'), '$', /must be an object/],
    ['no version', bytes('{"entries": []}'), '$.gobinscopeBaseline', /must be 1/],
    ['another version', bytes('{"gobinscopeBaseline": 2, "entries": []}'), '$.gobinscopeBaseline', /must be 1/],
    ['a misspelt key', doc([], { entires: [] }), '$.entires', /unknown key/],
    ['entries not a list', bytes('{"gobinscopeBaseline": 1, "entries": {}}'), '$.entries', /must be an array/],
    ['an entry not an object', doc(['x']), '$.entries[0]', /must be an object/],
    ['no reason', doc([{ rule: ENTRY.rule, fingerprint: ENTRY.fingerprint }]), '$.entries[0].reason', /string/],
    ['an empty reason', doc([{ ...ENTRY, reason: '  ' }]), '$.entries[0].reason', /must not be empty/],
    ['a short fingerprint', doc([{ ...ENTRY, fingerprint: 'abc' }]), '$.entries[0].fingerprint', /16 lower-case/],
    ['an upper-case one', doc([{ ...ENTRY, fingerprint: '0123456789ABCDEF' }]), '$.entries[0].fingerprint', /hex/],
    ['a rule with spaces', doc([{ ...ENTRY, rule: 'secret github' }]), '$.entries[0].rule', /not a rule id/],
    ['a misspelt entry key', doc([{ ...ENTRY, expire: '2027-01-01' }]), '$.entries[0].expire', /unknown key/],
    ['a day that does not exist', doc([{ ...ENTRY, expires: '2026-02-30' }]), '$.entries[0].expires', /YYYY-MM-DD/],
    ['another date format', doc([{ ...ENTRY, expires: '01/02/2027' }]), '$.entries[0].expires', /YYYY-MM-DD/],
    ['a date as a number', doc([{ ...ENTRY, expires: 20270101 }]), '$.entries[0].expires', /string/],
    ['one result twice', doc([ENTRY, { ...ENTRY, reason: 'other' }]), '$.entries[1]', /repeats \$\.entries\[0\]/],
  ])('%s', (_label, input, path, message) => {
    const error = failure(input);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('a file over the size limit, before reading it', () => {
    expect(failure(new Uint8Array(MAX_BASELINE_BYTES + 1)).message).toMatch(/more than the limit/);
  });
});

describe('isCalendarDate', () => {
  it('knows leap years and month lengths', () => {
    expect(['2028-02-29', '2026-12-31', '2026-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01'].some(isCalendarDate)).toBe(false);
  });
});

describe('damaged and fuzzed baselines', () => {
  const valid = doc([ENTRY, { ...ENTRY, fingerprint: 'fedcba9876543210', expires: '2027-02-28' }]);

  it('every truncation is a BaselineError, never another exception', () => {
    for (let n = 0; n < 64; n++) {
      const cut = valid.slice(0, Math.floor((valid.length * n) / 64));
      expect(failure(cut)).toBeInstanceOf(BaselineError);
    }
  });

  it('mutated files parse or give a BaselineError (seeded)', () => {
    const { seed, numRuns } = fuzzOptions(300, 20_261_202);
    fc.assert(
      fc.property(fc.nat(), fc.nat(255), fc.boolean(), (at, value, cut) => {
        const input = valid.slice();
        const where = at % input.length;
        if (cut) input.fill(value, where, Math.min(input.length, where + 8));
        else input[where] = value;
        try {
          const baseline = parseBaseline(input);
          expect(Array.isArray(baseline.entries)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BaselineError);
        }
      }),
      { seed, numRuns },
    );
  });

  it('arbitrary JSON values parse or give a BaselineError (seeded)', () => {
    const { seed, numRuns } = fuzzOptions(300, 20_261_203);
    const entry = fc.record(
      {
        rule: fc.string(),
        fingerprint: fc.string({ unit: fc.constantFrom(...'0123456789abcdef') }),
        reason: fc.jsonValue(),
        expires: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(entry)), (entries) => {
        try {
          parseBaseline(doc(Array.isArray(entries) ? entries : [entries]));
        } catch (error) {
          expect(error).toBeInstanceOf(BaselineError);
        }
      }),
      { seed, numRuns },
    );
  });
});
