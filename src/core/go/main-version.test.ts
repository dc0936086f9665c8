import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { parseElf } from '../formats/elf/index';
import { analyzeGo } from './index';
import { mainVersion, pseudoVersion, versionFromLdflags } from './main-version';

/**
 * Truth: go version -m of the fixtures and how build.sh built them.
 *  - leaky-linux-amd64: "(devel)", built in a throwaway git repository committed at 2026-01-02T03:04:05Z, so
 *    vcs.revision=925d9cb6b5cd…, vcs.time=2026-01-02T03:04:05Z, vcs.modified=false; its -X names are buildUser,
 *    apiToken and releaseName, none a version. The pseudo-version follows go.dev/ref/mod#pseudo-versions:
 *    v0.0.0-20260102030405-925d9cb6b5cd.
 *  - linux-amd64-xvars: "(devel)" with -ldflags="-X main.version=1.2.3-fixture" and no VCS stamp.
 *  - linux-amd64: "(devel)", -buildvcs=false, no -X: nothing to recover.
 */
function mainOf(name: string) {
  const bytes = fixture(name);
  return analyzeGo(parseElf(bytes)!, bytes).go!.buildInfo!.main!;
}

function vcsSetting(name: string, key: string): string {
  return new RegExp(`\\tbuild\\t${key.replace('.', '\\.')}=(\\S+)`).exec(truth(`${name}.goversion.txt`))![1]!;
}

describe('main module version', () => {
  it('turns the VCS stamps of a (devel) build into a pseudo-version', () => {
    const revision = vcsSetting('leaky-linux-amd64', 'vcs.revision');
    expect(vcsSetting('leaky-linux-amd64', 'vcs.time')).toBe('2026-01-02T03:04:05Z');
    expect(mainOf('leaky-linux-amd64')).toMatchObject({
      version: '(devel)',
      resolvedVersion: `v0.0.0-20260102030405-${revision.slice(0, 12)}`,
      versionSource: 'vcs',
    });
  });

  it('takes an -X version variable before anything else', () => {
    expect(truth('linux-amd64-xvars.goversion.txt')).toContain('-X main.version=1.2.3-fixture');
    expect(mainOf('linux-amd64-xvars')).toMatchObject({
      version: '(devel)',
      resolvedVersion: '1.2.3-fixture',
      versionSource: 'ldflags',
    });
  });

  it('leaves a (devel) build with nothing to go by alone', () => {
    const main = mainOf('linux-amd64');
    expect(main.version).toBe('(devel)');
    expect(main.resolvedVersion).toBeUndefined();
    expect(main.versionSource).toBeUndefined();
  });

  it('keeps a recorded version as it is', () => {
    const info = { path: 'x', deps: [], settings: [], source: 'header' as const, offset: 0 };
    expect(mainVersion({ ...info, main: { path: 'ex.com/a', version: 'v1.4.0', sum: '' } })).toEqual({
      version: 'v1.4.0',
      source: 'buildinfo',
    });
    expect(mainVersion({ ...info, main: null })).toBeNull();
  });
});

describe('pseudo-versions and -X flags', () => {
  it('marks a modified tree +dirty, as Go 1.24+ records it', () => {
    const revision = '925d9cb6b5cd2574d6509faddddf22c46ae6faeb';
    expect(pseudoVersion(revision, '2026-01-02T03:04:05Z', true)).toBe('v0.0.0-20260102030405-925d9cb6b5cd+dirty');
  });

  it('refuses stamps that are not a revision and a UTC time', () => {
    expect(pseudoVersion('925d9cb6b5cd', '2026-01-02T03:04:05+01:00', false)).toBeNull();
    expect(pseudoVersion('not-hex-at-all', '2026-01-02T03:04:05Z', false)).toBeNull();
    expect(pseudoVersion(null, '2026-01-02T03:04:05Z', false)).toBeNull();
  });

  it('reads -X in the forms cmd/go records', () => {
    expect(versionFromLdflags('"-s -w -X main.version=v2.0.1"')).toBe('v2.0.1');
    expect(versionFromLdflags('-X=github.com/a/b/internal/build.Version=1.0')).toBe('1.0');
    expect(versionFromLdflags('"-X main.appVersion=3 -X main.commit=abc"')).toBe('3');
    expect(versionFromLdflags('"-X main.versionDate=2024 -X main.buildUser=jdoe"')).toBeNull();
    expect(versionFromLdflags('-X main.version=')).toBeNull();
  });
});
