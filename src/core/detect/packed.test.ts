import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { analyze } from '../analyze';
import { findUpxVersion } from './packed';

// UPX marks what it packs with "UPX!" near the start and a "$Id: UPX x.y" banner (the layout `upx` writes; no
// packed fixture is committed because Debian 12 ships no upx). The copies below carry those marks, nothing else.
function withUpxMarks(bytes: Uint8Array, version: string): Uint8Array {
  const copy = bytes.slice();
  const banner = new TextEncoder().encode(
    `UPX!\0$Info: This file is packed with the UPX executable packer $\n$Id: UPX ${version} Copyright $\n`,
  );
  copy.set(banner, copy.length - banner.length - 16);
  copy.set(new TextEncoder().encode('UPX!'), 0xe8);
  return copy;
}

describe('packing', () => {
  it('names UPX and its version from the marks it leaves', async () => {
    const { report } = await analyze(withUpxMarks(fixture('linux-amd64-sw'), '4.22'), { fileName: 'packed' });
    expect(report.packed).toMatchObject({ packer: 'UPX', version: '4.22' });
    // Marks alone (no PackHeader to unpack from): the report says it describes the packed file.
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ source: 'unpack', message: expect.stringMatching(/not unpacked yet/) }),
    );
  });

  it('finds the "$Id: UPX x.y" banner anywhere, not only near the ends (UPX 4 and 5 put the loader mid-file)', () => {
    const copy = fixture('linux-amd64-sw').slice();
    copy.set(new TextEncoder().encode('$Id: UPX 5.02 Copyright (C) 1996-2025 the UPX Team. $'), copy.length >> 1);
    expect(findUpxVersion(copy)).toBe('5.02');
    expect(findUpxVersion(fixture('linux-amd64-sw'))).toBeNull();
  });

  it('reports plain Go builds as not packed', async () => {
    for (const name of ['linux-amd64', 'linux-amd64-strip', 'windows-amd64.exe', 'darwin-arm64']) {
      expect((await analyze(fixture(name), { fileName: name })).report.packed, name).toBeNull();
    }
  });

  it('calls near-random code without Go metadata packed by an unknown packer', async () => {
    const bytes = fixture('linux-amd64-sw').slice();
    // Overwrite .text and .gopclntab (offsets from readelf -SW of this fixture) with pseudo-random bytes.
    let state = 0x12345678;
    for (let i = 0x1000; i < 0x1000 + 0x65bcf; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    bytes.fill(0, 0x93440, 0x93440 + 0x48760);
    const { report } = await analyze(bytes, { fileName: 'scrambled' });
    expect(report.packed?.packer).toBe('unknown');
  });
});
