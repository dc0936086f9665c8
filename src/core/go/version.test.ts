import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import {
  bandBounds,
  narrowBand,
  pickVersion,
  resolveGoVersion,
  versionCandidates,
  versionFromStrings,
  versionFromSymbol,
} from './version';
import { versionFromStringHeaders } from './version-headers';
import { exeOf } from './testing/exes';
import { fakeExe } from './testing/fake-exe';

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('version candidates', () => {
  it('prefers the NUL-terminated string runtime.buildVersion leaves over file names and messages', () => {
    // As in esbuild: "fips140only_go1.26.go" in a file name, "go1.26.5" alone between NULs.
    const bytes = latin1('crypto/internal/fips140only_go1.26.go\0\0\0go1.26.5\0\0 go1.24 needed go1.24 ');
    expect(pickVersion(versionCandidates(bytes), '1.20+')).toBe('go1.26.5');
  });

  it('keeps a whole devel or experiment version string', () => {
    const bytes = latin1('\0go1.25-20250209-RC00 cl/724970549 +ff27d270c9 X:fieldtrack,boringcrypto\0');
    expect(pickVersion(versionCandidates(bytes), '1.20+')).toBe(
      'go1.25-20250209-RC00 cl/724970549 +ff27d270c9 X:fieldtrack,boringcrypto',
    );
  });

  it('drops candidates outside the pclntab band, and words that only contain go1.', () => {
    const bytes = latin1('\0go1.12.17\0 cargo1.5 \0go1.19.8\0');
    expect(pickVersion(versionCandidates(bytes), '1.18-1.19')).toBe('go1.19.8');
    expect(pickVersion(versionCandidates(bytes), '1.2-1.15')).toBe('go1.12.17');
    expect(versionCandidates(latin1('cargo1.5 mango1.7'))).toEqual([]);
  });

  it('counts repeats when nothing stands alone, then takes the highest', () => {
    expect(pickVersion(versionCandidates(latin1('x go1.21.3 y go1.21.3 z go1.22.0 ')), null)).toBe('go1.21.3');
    expect(pickVersion(versionCandidates(latin1('x go1.21rc2 y go1.21.10 ')), null)).toBe('go1.21.10');
  });

  it("narrows 1.20+ to 1.26+ when Go 1.26's .go.module section is there", () => {
    const section = (name: string) => ({ name, kind: 'data' as const, address: 0x1000, offset: 0, size: 16 });
    expect(narrowBand('1.20+', fakeExe(new Uint8Array(16), [section('.go.module')]))).toBe('1.26+');
    expect(narrowBand('1.20+', fakeExe(new Uint8Array(16), [section('.data')]))).toBe('1.20+');
    // lefthook 2.2.2 (Go 1.27.0 by `go version`): readelf -SW lists .go.type beside .go.module, and
    // .data.rel.ro.go.type in its PIE android build; llvm-objdump -h lists __go_type in the macOS build.
    for (const name of ['.go.type', '.data.rel.ro.go.type', '__go_type']) {
      expect(narrowBand('1.20+', fakeExe(new Uint8Array(16), [section('.go.module'), section(name)]))).toBe('1.27+');
    }
    expect(narrowBand('1.18-1.19', fakeExe(new Uint8Array(16), [section('.go.module')]))).toBe('1.18-1.19');
  });

  it('reads bands', () => {
    expect(bandBounds('1.20+')).toEqual({ min: 20, max: Infinity });
    expect(bandBounds('1.2-1.15')).toEqual({ min: 2, max: 15 });
  });
});

describe('version sources on fixtures', () => {
  it('reads runtime.buildVersion through its symbol', () => {
    const bytes = fixture('linux-amd64');
    expect(versionFromSymbol(exeOf(bytes))).toBe('go1.19.8'); // go version -m: go1.19.8
  });

  it.each(['linux-amd64-sw', 'windows-386.exe', 'linux-s390x'])('%s: finds go1.19.8 in its read-only data', (name) => {
    const bytes = fixture(name);
    expect(versionFromStrings(exeOf(bytes), bytes, '1.18-1.19')).toBe('go1.19.8');
  });

  it('orders the sources: build info, then strings, then the pclntab band', () => {
    const bytes = fixture('linux-amd64-sw');
    const exe = exeOf(bytes);
    const range = 'go1.18-1.19';
    expect(resolveGoVersion('go1.19.8', '1.18-1.19', exe, bytes)).toEqual({
      version: 'go1.19.8',
      source: 'buildinfo',
      range,
    });
    expect(resolveGoVersion(null, '1.18-1.19', exe, bytes)).toEqual({ version: 'go1.19.8', source: 'strings', range });
  });

  it('puts a pclntab band in the range, never in the version', () => {
    const nothing = new Uint8Array(64);
    expect(resolveGoVersion(null, '1.20+', null, nothing)).toEqual({ version: null, source: null, range: 'go1.20+' });
    expect(resolveGoVersion(null, null, null, nothing)).toEqual({ version: null, source: null, range: null });
  });
});

describe('version through a string header', () => {
  // A Go string header {ptr, len} in .data pointing into .rodata, as the linker lays out runtime.buildVersion.
  function headerExe(rodataText: string, versionAt: number, length: number) {
    const file = new Uint8Array(0x200);
    file.set(latin1(rodataText), 0x100);
    const view = new DataView(file.buffer);
    view.setBigUint64(0x20, BigInt(0x2000 + versionAt), true);
    view.setBigUint64(0x28, BigInt(length), true);
    return fakeExe(file, [
      { name: '.data', kind: 'data', address: 0x1000, offset: 0, size: 0x100 },
      { name: '.rodata', kind: 'rodata', address: 0x2000, offset: 0x100, size: 0x100 },
    ]);
  }
  const any = { min: 2, max: Infinity };

  it('takes the version a header points at even with a letter right before it', () => {
    // As in esbuild's darwin/arm64 build: "Cgo1.26.5", no NUL before the version.
    const exe = headerExe('fips140only_go1.26.goCgo1.26.5xyz', 'fips140only_go1.26.goC'.length, 'go1.26.5'.length);
    expect(versionFromStringHeaders(exe, any)).toBe('go1.26.5');
    expect(versionFromStringHeaders(exe, { min: 18, max: 19 })).toBeNull();
  });

  it('ignores headers whose length does not cover a whole version', () => {
    const exe = headerExe('Cgo1.26.5xyz', 1, 'go1.26.5x'.length);
    expect(versionFromStringHeaders(exe, any)).toBeNull();
    expect(versionFromStringHeaders(headerExe('Cgo1.26.5', 1, 3), any)).toBeNull();
  });

  it.each(['linux-amd64-sw', 'windows-386.exe', 'linux-s390x'])('%s: finds go1.19.8 without symbols', (name) => {
    const bytes = fixture(name);
    expect(versionFromStringHeaders(exeOf(bytes), { min: 18, max: 19 })).toBe('go1.19.8'); // go version -m
  });
});
