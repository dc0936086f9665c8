import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixture } from '../../../test/fixtures';
import { parseFat } from '../formats/macho';
import { readBuildInfo, type BuildInfoResult } from './buildinfo';
import { exeOf, readelfSection, truthText } from './testing/exes';
import { parseGoVersionText, type GoVersionText } from './testing/goversion-text';

/** Fixtures with `go version -m` output (truth/<name>.goversion.txt); darwin-fat has none (see below). */
const WITH_TRUTH = FIXTURES.filter((name) => truthText(`${name}.goversion.txt`) !== null);

function expectSameAsGoVersion(result: BuildInfoResult | null, expected: GoVersionText): void {
  expect(result).not.toBeNull();
  const { version, info } = result!;
  expect(version).toBe(expected.version);
  expect(info.path).toBe(expected.path);
  expect(info.main).toEqual(expected.main);
  expect(info.deps).toEqual(expected.deps);
  expect(info.settings).toEqual(expected.settings);
}

describe('build info against go version -m', () => {
  const results = new Map<string, { viaExe: BuildInfoResult | null; viaScan: BuildInfoResult | null }>();
  beforeAll(() => {
    for (const name of WITH_TRUTH) {
      const bytes = fixture(name);
      results.set(name, { viaExe: readBuildInfo(exeOf(bytes), bytes), viaScan: readBuildInfo(null, bytes) });
    }
  });

  it('has truth for every fixture but the fat one', () => {
    expect(WITH_TRUTH.length).toBe(FIXTURES.length - 1);
  });

  it.each(WITH_TRUTH)('%s: version, path, main, deps and settings equal', (name) => {
    const expected = parseGoVersionText(truthText(`${name}.goversion.txt`)!);
    const { viaExe, viaScan } = results.get(name)!;
    expectSameAsGoVersion(viaExe, expected);
    expect(viaExe!.info.source).toBe('header');
    // Without the Exe, the whole-file scan for the 16-aligned magic finds the same inline header.
    expectSameAsGoVersion(viaScan, expected);
    expect(viaScan!.info.offset).toBe(viaExe!.info.offset);
  });

  it('finds the header at the .go.buildinfo offset readelf reports', () => {
    for (const name of ['linux-amd64', 'linux-386', 'linux-s390x', 'linux-amd64-pie']) {
      expect(results.get(name)!.viaExe!.info.offset).toBe(readelfSection(name, '.go.buildinfo')!.offset);
    }
  });
});

describe('fat Mach-O', () => {
  it('reads the first slice, which the build script made from darwin-amd64', () => {
    // `go version -m` (1.19) printed nothing for the fat file; test/fixtures/build.sh builds it from darwin-amd64
    // (first) and darwin-arm64, so the first slice's build info is darwin-amd64's.
    const fat = parseFat(fixture('darwin-fat'));
    expect(fat).not.toBeNull();
    const bytes = fixture('darwin-fat');
    const expected = parseGoVersionText(truthText('darwin-amd64.goversion.txt')!);
    expectSameAsGoVersion(readBuildInfo(fat!.exes[0]!, bytes), expected);
  });
});
