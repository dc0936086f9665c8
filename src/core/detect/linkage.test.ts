import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { parseElf } from '../formats/elf/index';
import { analyzeGo } from '../go/index';
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
    expect(linkage.cgoEvidence).toContain('build setting CGO_ENABLED=1');
  });
});
