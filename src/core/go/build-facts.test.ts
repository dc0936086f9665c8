import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, fixturesDir, truth } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import { analyzeGo } from './index';

/**
 * Truth: how build.sh / build-truth.sh built each fixture, go version -m, readelf -h / -d and nm -D:
 *  - linux-amd64: ELF type EXEC; linux-amd64-pie: DYN with "FLAGS_1 Flags: PIE" (readelf -d);
 *  - truth-cshared-linux-amd64.so: -buildmode=c-shared, DYN, FLAGS_1 only NODELETE, nm -D shows FixtureAdd and
 *    its _cgoexp_ wrapper; Go 1.19 records no -buildmode;
 *  - truth-experiment-linux-amd64: go version -m prints "go1.19.8 X:fieldtrack" and GOEXPERIMENT=fieldtrack.
 */
function factsOf(bytes: Uint8Array) {
  const exe = parseExecutable(bytes)!.exes[0]!;
  return analyzeGo(exe, bytes).go!.buildFacts!;
}

const elfType = (name: string) => /Type:\s+(\w+)/.exec(truth(`${name}.readelf-h.txt`))?.[1];

describe('build mode', () => {
  it('tells exe from pie by ELF type and the DT_FLAGS_1 PIE bit', () => {
    expect(truth('linux-amd64.readelf-l.txt')).toContain('Elf file type is EXEC');
    expect(factsOf(fixture('linux-amd64')).buildMode).toMatchObject({ mode: 'exe', evidence: ['ELF type EXEC'] });
    expect(truth('linux-amd64-pie.readelf-d.txt')).toMatch(/\(FLAGS_1\)\s+Flags: PIE/);
    expect(factsOf(fixture('linux-amd64-pie')).buildMode.mode).toBe('pie');
  });

  it('tells a c-shared library by its cgo exports', () => {
    const name = 'truth-cshared-linux-amd64.so';
    expect(elfType(name)).toBe('DYN');
    expect(truth(`${name}.readelf-d.txt`)).not.toMatch(/Flags:.*PIE/);
    expect(truth(`${name}.nm-D.txt`)).toMatch(/ T FixtureAdd$/m);
    const { buildMode } = factsOf(fixture(name));
    expect(buildMode.mode).toBe('c-shared');
    expect(buildMode.exports).toEqual(['FixtureAdd']);
  });

  it('tells a plugin by the package hash it exports, and bounds its version by the pclntab alone', () => {
    // build-plugin.sh: Go 1.19.8, -buildmode=plugin; go version -m finds no build info in it.
    const name = 'truth-plugin-linux-amd64.so';
    expect(elfType(name)).toBe('DYN');
    expect(truth(`${name}.goversion.txt`)).toMatch(/not executable file/);
    expect(truth(`${name}.nm-D.txt`)).toMatch(/ R go\.link\.pkghashbytes\.example\.com\/fixtureplugin$/m);
    const bytes = fixture(name);
    const go = analyzeGo(parseExecutable(bytes)!.exes[0]!, bytes).go!;
    expect(go.buildFacts!.buildMode).toMatchObject({ mode: 'plugin', exports: [] });
    expect(go.buildFacts!.buildMode.evidence[0]).toMatch(/exporting go\.link\.pkghashbytes\./);
    expect(go.version).toBeNull();
    expect(go.versionRange).toBe('go1.18-1.19');
    expect(go.functions.map((f) => f.name)).toContain('example.com/fixtureplugin.Greet');
  });

  it('says exe for a Windows executable without the DLL bit', () => {
    expect(truth('windows-amd64.exe.objdump-p.txt')).not.toMatch(/^\s*DLL$/m);
    expect(factsOf(fixture('windows-amd64.exe')).buildMode.mode).toBe('exe');
  });
});

describe('experiments and FIPS 140', () => {
  it('reads GOEXPERIMENT from the build setting', () => {
    const name = 'truth-experiment-linux-amd64';
    expect(truth(`${name}.goversion.txt`)).toContain('\tbuild\tGOEXPERIMENT=fieldtrack');
    expect(factsOf(fixture(name)).experiments).toEqual(['fieldtrack']);
    expect(factsOf(fixture('linux-amd64')).experiments).toEqual([]);
  });

  it('Go 1.19 builds know nothing of FIPS 140', () => {
    expect(factsOf(fixture('linux-amd64')).fips140).toEqual({
      setting: null,
      moduleVersion: null,
      fipsInfoSection: false,
    });
  });

  // esbuild's darwin build (test/fixtures/fetch-foreign.sh): llvm-objdump -h lists __go_fipsinfo; strings -a
  // shows no GOFIPS140 setting, and build -buildmode=exe.
  const darwin = join(fixturesDir, 'foreign', 'darwin-arm64', 'bin', 'esbuild');
  it.skipIf(!existsSync(darwin))('esbuild for darwin: the fipsinfo section, no FIPS mode, -buildmode=exe', () => {
    const facts = factsOf(new Uint8Array(readFileSync(darwin)));
    expect(facts.fips140).toMatchObject({ setting: null, fipsInfoSection: true });
    expect(facts.buildMode.mode).toBe('exe');
    expect(facts.buildMode.evidence).toContain('build setting -buildmode=exe');
  });
});
