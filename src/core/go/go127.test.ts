import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, truthDir } from '../../../test/fixtures';
import { analyze, type Analysis } from '../analyze';
import { parseGoVersionText } from './testing/goversion-text';

/**
 * lefthook 2.2.2, built by its authors with Go 1.27.0 and stripped, from one npm package that carries builds for
 * nine platforms (fetched by test/fixtures/fetch-foreign.sh; skipped without it). Expected values come from outside
 * tools:
 *  - truth/foreign/lefthook-<platform>.goversion-m.txt: `go version -m` (Go 1.19 reads Go 1.27 build info);
 *  - readelf -SW / llvm-objdump -h: every ELF and Mach-O build has a type section (.go.type, .data.rel.ro.go.type
 *    in the PIE android build, __go_type on macOS), which only Go 1.27 writes; the PE builds have no Go sections;
 *  - lefthook-windows-x64.pdata-starts.txt: binutils `objdump -p` reads the PE function table, one entry per
 *    function that has unwind data, each starting at a function's first instruction.
 */
const foreignDir = join(fixturesDir, 'foreign');
const BUILDS = [
  { platform: 'linux-x64', file: 'lefthook', range: 'go1.27+', arch: 'x86_64' },
  { platform: 'linux-arm64', file: 'lefthook', range: 'go1.27+', arch: 'arm64' },
  { platform: 'android-arm64', file: 'lefthook', range: 'go1.27+', arch: 'arm64' },
  { platform: 'darwin-arm64', file: 'lefthook', range: 'go1.27+', arch: 'arm64' },
  { platform: 'darwin-x64', file: 'lefthook', range: 'go1.27+', arch: 'x86_64' },
  { platform: 'windows-x64', file: 'lefthook.exe', range: 'go1.20+', arch: 'x86_64' },
  { platform: 'windows-arm64', file: 'lefthook.exe', range: 'go1.20+', arch: 'arm64' },
  { platform: 'freebsd-x64', file: 'lefthook', range: 'go1.27+', arch: 'x86_64' },
  { platform: 'openbsd-x64', file: 'lefthook', range: 'go1.27+', arch: 'x86_64' },
];
const pathOf = (platform: string, file: string): string =>
  join(foreignDir, 'lefthook', 'bin', `lefthook-${platform}`, file);
const present = existsSync(pathOf('linux-x64', 'lefthook'));
const MAIN_MODULE = 'github.com/evilmartians/lefthook/v2';

const analyses = new Map<string, Analysis>();
beforeAll(async () => {
  if (!present) return;
  for (const { platform, file } of BUILDS) {
    const bytes = new Uint8Array(readFileSync(pathOf(platform, file)));
    analyses.set(platform, await analyze(bytes, { fileName: file }));
  }
}, 120_000);

describe.skipIf(!present).each(BUILDS)('lefthook (Go 1.27) for $platform', ({ platform, range, arch }) => {
  it('reads the build info go version -m prints, and the version range apart from it', () => {
    const truth = parseGoVersionText(
      readFileSync(join(truthDir, 'foreign', `lefthook-${platform}.goversion-m.txt`), 'utf8'),
    );
    const go = analyses.get(platform)!.report.go!;
    expect(truth.version).toBe('go1.27.0');
    expect(go.version).toBe(truth.version);
    expect(go.versionRange).toBe(range);
    expect(go.buildInfo?.path).toBe(truth.path);
    expect(go.buildInfo?.main).toMatchObject(truth.main!);
    expect(go.buildInfo?.deps).toEqual(truth.deps);
    expect(go.buildInfo?.settings).toEqual(truth.settings);
    // The settings say -buildmode=exe and name no GOFIPS140; Go 1.24+ links the FIPS module's checksum section
    // into every ELF and Mach-O build (readelf / llvm-objdump list .go.fipsinfo / __go_fipsinfo), PE has none.
    const settings = new Map(truth.settings.map((s) => [s.key, s.value]));
    expect(go.buildFacts?.buildMode.mode).toBe(settings.get('-buildmode'));
    expect(go.buildFacts?.fips140).toMatchObject({ setting: null, fipsInfoSection: range === 'go1.27+' });
  });

  it('reads the pclntab and follows the code without a diagnostic', () => {
    const analysis = analyses.get(platform)!;
    expect(analysis.report.diagnostics).toEqual([]);
    const code = analysis.report.go!.code!;
    expect(code.arch).toBe(arch);
    expect(analysis.report.go!.functions.length).toBeGreaterThan(10_000);
    expect(code.calls).toBeGreaterThan(50_000);
    expect(code.inlineFrames).toBeGreaterThan(10_000);
  });
});

describe.skipIf(!present)('lefthook (Go 1.27): functions and inline trees', () => {
  it('has a function at every start the PE function table lists', () => {
    const starts = readFileSync(join(foreignDir, 'lefthook-windows-x64.pdata-starts.txt'), 'utf8').trim().split('\n');
    const entries = new Set(analyses.get('windows-x64')!.report.go!.functions.map((f) => BigInt(f.entry)));
    expect(starts.length).toBeGreaterThan(10_000);
    expect(starts.filter((start) => !entries.has(BigInt(`0x${start}`)))).toEqual([]);
  });

  /**
   * The inline trees are found through moduledata, which lives in .go.module on ELF, __go_module on macOS and in
   * .data on Windows, and whose gofunc field moved in Go 1.27. Code that is the same on every OS is compiled the
   * same way, so the frames inlined into lefthook's own functions must agree between the amd64 builds, each found
   * by its own route. Windows paths are not Unix paths (path/filepath.IsAbs inlines other helpers there), so
   * against Windows the functions that inline file-path or OS code are left out.
   */
  it('inlines the same calls into the main module on Linux, macOS, FreeBSD and Windows', () => {
    const framesOf = (platform: string): Map<string, string[]> => {
      const analysis = analyses.get(platform)!;
      const functions = analysis.report.go!.functions;
      const inline = analysis.code!.inline!;
      const byOuter = new Map<string, string[]>();
      for (let i = 0; i < inline.count; i++) {
        const outer = functions[inline.outer[i]!]!.name;
        if (!outer.startsWith(`${MAIN_MODULE}/internal/config.`)) continue;
        byOuter.set(outer, [...(byOuter.get(outer) ?? []), inline.name[i]!]);
      }
      for (const names of byOuter.values()) names.sort();
      return byOuter;
    };
    const linux = framesOf('linux-x64');
    expect(linux.size).toBeGreaterThan(20);
    const osSpecific = (names: string[] | undefined): boolean =>
      (names ?? []).some((name) => /^(path\/filepath|internal\/filepathlite|os|syscall)\./.test(name));
    for (const other of ['darwin-x64', 'freebsd-x64', 'windows-x64']) {
      const frames = framesOf(other);
      const shared = [...linux.keys()].filter(
        (name) =>
          frames.has(name) &&
          (other !== 'windows-x64' || (!osSpecific(linux.get(name)) && !osSpecific(frames.get(name)))),
      );
      expect(shared.length).toBeGreaterThan(20);
      for (const name of shared) expect([name, frames.get(name)]).toEqual([name, linux.get(name)]);
    }
  });
});
