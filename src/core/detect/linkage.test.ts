import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { parseElf } from '../formats/elf/index';
import { analyzeGo } from '../go/index';
import { fakeExe } from '../go/testing/fake-exe';
import { linkageReport } from './linkage';

// Truth: how test/fixtures/build.sh built each file (CGO_ENABLED, static or not) and readelf -d / -V of it.
function linkageOf(name: string) {
  const bytes = fixture(name);
  const exe = parseElf(bytes)!;
  return linkageReport(exe, analyzeGo(exe, bytes).go);
}

function readelfGlibcMax(name: string): string {
  const versions = [...truth(`${name}.readelf-V.txt`).matchAll(/Name: GLIBC_(\d+(?:\.\d+)+)/g)].map((m) => m[1]!);
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1)!;
}

describe('linkage', () => {
  it('pure Go builds are static, without cgo, whatever runtime variables they carry', () => {
    for (const name of ['linux-amd64', 'linux-amd64-sw', 'linux-amd64-strip', 'linux-386', 'linux-s390x']) {
      expect(linkageOf(name), name).toMatchObject({
        static: true,
        cgo: false,
        libc: 'none',
        interpreter: null,
        glibcMax: null,
      });
    }
  });

  it('the cgo build is dynamic against glibc, with the GLIBC version readelf -V shows', () => {
    const linkage = linkageOf('linux-amd64-cgo');
    const needed = [...truth('linux-amd64-cgo.readelf-d.txt').matchAll(/Shared library: \[([^\]]+)\]/g)].map(
      (m) => m[1],
    );
    expect(linkage).toMatchObject({
      static: false,
      cgo: true,
      libc: 'glibc',
      needed,
      glibcMax: readelfGlibcMax('linux-amd64-cgo'),
    });
    expect(linkage.interpreter).toMatch(/ld-linux-x86-64\.so\.2$/);
    expect(linkage.cgoAllowed).toBe(true);
    expect(linkage.cgoEvidence).toContain('C function x_cgo_init in the symbol table');
  });
});

// Truth: the CGO_ENABLED line of go version -m, and whether go tool nm lists runtime/cgo's x_cgo_init/crosscall2.
function settingAllowsCgo(name: string): boolean {
  return /\tbuild\tCGO_ENABLED=1$/m.test(truth(`${name}.goversion.txt`));
}

function nmHasCgoCode(name: string): boolean {
  return / T (x_cgo_init|crosscall2)$/m.test(truth(`${name}.gonm.txt`));
}

describe('cgo allowed is not cgo linked', () => {
  it('CGO_ENABLED=1 without runtime/cgo code says cgo allowed, not cgo', () => {
    for (const name of ['truth-cgoallowed-linux-amd64', 'leaky-linux-amd64-pie-ext', 'leaky-linux-amd64-pie-relr']) {
      expect(settingAllowsCgo(name), name).toBe(true);
      const linkage = linkageOf(name);
      expect(linkage.cgoAllowed, name).toBe(true);
      expect(linkage.cgo, name).toBe(false);
      expect(linkage.cgoEvidence, name).toEqual([]);
    }
    expect(nmHasCgoCode('truth-cgoallowed-linux-amd64')).toBe(false);
  });

  it('os/user with CGO_ENABLED=1 links runtime/cgo, found in the pclntab of a build without symbols', () => {
    const name = 'truth-cgouser-linux-amd64';
    expect(nmHasCgoCode(name)).toBe(true);
    const linkage = linkageOf(name);
    expect(linkage).toMatchObject({ cgo: true, cgoAllowed: true, static: false, libc: 'glibc' });
    // -s -w left only the dynamic symbols (nm -D), and x_cgo_init is not one of them: the pclntab has to tell.
    expect(truth(`${name}.nm-D.txt`)).not.toMatch(/ x_cgo_init$/m);
    expect(linkage.cgoEvidence).toContain('function x_cgo_init in the pclntab');
  });

  it('CGO_ENABLED=0 builds say cgo not allowed', () => {
    for (const name of ['linux-amd64', 'linux-amd64-pie', 'windows-amd64.exe']) {
      expect(settingAllowsCgo(name), name).toBe(false);
    }
    expect(linkageOf('linux-amd64')).toMatchObject({ cgo: false, cgoAllowed: false });
  });
});

describe('cgo on Mach-O', () => {
  // Mach-O prefixes C names with one underscore (nm on a darwin cgo build lists _x_cgo_init, __cgo_topofstack).
  function machoWith(names: string[]) {
    const symbols = names.map((name) => ({ name, address: 0x1000, size: 0, kind: 'func' as const, dynamic: false }));
    return { ...fakeExe(new Uint8Array(16), []), format: 'macho' as const, symbols };
  }

  it('reads runtime/cgo functions through the leading underscore', () => {
    const linkage = linkageReport(machoWith(['_x_cgo_init', '__cgo_topofstack', '_main']), null);
    expect(linkage.cgo).toBe(true);
    expect(linkage.cgoEvidence).toEqual([
      'C function x_cgo_init in the symbol table',
      'C function _cgo_topofstack in the symbol table',
    ]);
  });

  it('does not take the runtime variables every Go binary has for cgo code', () => {
    expect(linkageReport(machoWith(['__cgo_init', '__cgo_thread_start', '_runtime.iscgo']), null).cgo).toBe(false);
  });
});
