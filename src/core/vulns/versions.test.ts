import { describe, expect, it } from 'vitest';
import { affects, fixedAfter, goSemver, intervalsOf, moduleSemver } from './versions';

// Expected values: the version rules of go.dev/doc/security/vuln/database and govulncheck's binary mode
// (a replaced module at its replacement's version; "go1.22rc1" → "v1.22.0-rc.1"; "(devel)" never affected).
describe('Go release versions', () => {
  it.each([
    ['go1.22.3', '1.22.3'],
    ['go1.22', '1.22.0'],
    ['go1.22rc1', '1.22.0-rc.1'],
    ['go1.21rc2', '1.21.0-rc.2'],
    ['go1.19beta1', '1.19.0-beta.1'],
    ['go1.19.8 X:boringcrypto', '1.19.8'],
    ['go1.25.1-X:nodwarf5', '1.25.1'],
    ['go1', '1.0.0'],
  ])('%s → %s', (go, semver) => expect(goSemver(go)).toBe(semver));

  it.each(['devel go1.24-abcdef Tue', 'go1.26-devel_abc', '', 'gccgo'])('%s is not a release', (go) =>
    expect(goSemver(go)).toBeNull(),
  );
});

describe('module versions', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['v2.0.0+incompatible', '2.0.0'],
    ['v0.0.0-20210101000000-abcdef123456', '0.0.0-20210101000000-abcdef123456'],
  ])('%s → %s', (version, semver) => expect(moduleSemver(version)).toBe(semver));

  it.each(['(devel)', '', '1.2.3', 'vX'])('%s is never affected', (version) =>
    expect(moduleSemver(version)).toBeNull(),
  );
});

describe('ranges', () => {
  const ranges = intervalsOf([
    { fixed: '1.20.5' },
    { introduced: '0' },
    { introduced: '1.21.0-0' },
    { fixed: '1.21.2' },
  ]);

  it('sorts events with introduced 0 first and pairs each introduced with the next fixed', () => {
    expect(ranges).toEqual([
      { introduced: '0', fixed: '1.20.5' },
      { introduced: '1.21.0-0', fixed: '1.21.2' },
    ]);
  });

  it.each([
    ['1.19.8', true],
    ['1.20.5', false],
    ['1.21.0-rc.1', true],
    ['1.21.1', true],
    ['1.21.2', false],
    ['1.22.0', false],
  ])('%s affected: %s', (version, expected) => expect(affects(ranges, version)).toBe(expected));

  it('names the fix of the interval the version is in', () => {
    expect(fixedAfter(ranges, '1.19.8')).toBe('1.20.5');
    expect(fixedAfter(ranges, '1.21.1')).toBe('1.21.2');
  });

  it('no ranges affect every version; an open interval has no fix', () => {
    expect(affects([], '9.9.9')).toBe(true);
    const open = intervalsOf([{ introduced: '1.2.0' }]);
    expect(affects(open, '3.0.0')).toBe(true);
    expect(fixedAfter(open, '3.0.0')).toBeNull();
  });
});
