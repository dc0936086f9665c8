import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Material } from './material';
import { cosignSign, ecKey, gpgHome, minisignKey, minisignSign, newMaterial, sigstoreBundle } from './material';
import { HEAD_BYTES, sortDrop, type DroppedHead } from '../../src/renderer/src/features/verify/sort-drop';

let m: Material;
const BINARY = 'test/fixtures/bin/linux-amd64';
const GO_SUM = 'test/fixtures/truth/sums-linux-amd64.go.sum';

function head(name: string, bytes: Uint8Array): DroppedHead {
  return { name, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES) };
}
const made = (name: string): DroppedHead => head(name, m.read(name));
const onDisk = (path: string): DroppedHead => head(path.split('/').pop()!, new Uint8Array(readFileSync(path)));

// Every signature and key here is made by the tool that owns the format: minisign, openssl (cosign's layout), gpg.
beforeAll(() => {
  m = newMaterial();
  m.write('app', new Uint8Array(4096).fill(7));
  minisignKey(m, 'mini');
  minisignSign(m, 'mini', 'app', 'app.minisig');
  ecKey(m, 'ec');
  cosignSign(m, 'ec', 'app', 'app.sig');
  sigstoreBundle(m, 'ec', 'app', 'app.sigstore.json');
  const gpg = gpgHome(m, 'now', 'Release Signer <release@example.invalid>', '1y');
  gpg(['--armor', '--export', '-o', m.path('pgp.asc')]);
  gpg(['--export', '-o', m.path('pgp.gpg')]);
  gpg(['--armor', '--detach-sign', '-o', m.path('app.asc'), m.path('app')]);
  gpg(['--detach-sign', '-o', m.path('app.pgpsig'), m.path('app')]);
});

describe('sorting a drop', () => {
  it.each([
    ['app.minisig', 'mini.pub'],
    ['app.sig', 'ec.pub'],
    ['app.sigstore.json', 'ec.pub'],
    ['app.asc', 'pgp.asc'],
    ['app.pgpsig', 'pgp.gpg'],
  ])('the binary opens; %s is the signature and %s the key, in any order', (signature, key) => {
    const sorted = sortDrop([made(key), onDisk(BINARY), made(signature)], false);
    expect(sorted).toEqual({ open: [1], material: { key: 0, signature: 2 }, ignored: [] });
  });

  it('a go.sum as go build wrote it is material, not a file to open', () => {
    expect(sortDrop([onDisk(BINARY), onDisk(GO_SUM)], false).material).toEqual({ goSum: 1 });
  });

  it('two binaries open to be compared; a third is named as left out', () => {
    const sorted = sortDrop([onDisk(BINARY), onDisk(BINARY), { ...onDisk(BINARY), name: 'third' }], false);
    expect(sorted.open).toEqual([0, 1]);
    expect(sorted.ignored).toEqual([{ name: 'third', why: expect.stringMatching(/at most 2 files open at once/) }]);
  });

  it('with a signature, one binary is checked and anything else is named as left out', () => {
    const notes = head('notes.txt', new TextEncoder().encode('release notes\n'));
    const sorted = sortDrop([onDisk(BINARY), made('app.minisig'), made('mini.pub'), notes], false);
    expect(sorted.open).toEqual([0]);
    expect(sorted.ignored.map((i) => i.name)).toEqual(['notes.txt']);
  });

  it('a second key is left out; material alone checks the binary on screen, or is left out when there is none', () => {
    const keys = [made('mini.pub'), made('ec.pub')];
    expect(sortDrop(keys, true)).toEqual({
      open: [],
      material: { key: 0 },
      ignored: [{ name: 'ec.pub', why: 'a second public key: one is checked at a time' }],
    });
    const alone = sortDrop([made('app.minisig')], false);
    expect(alone.material).toEqual({});
    expect(alone.ignored[0]!.why).toMatch(/needs the binary it belongs to/);
  });

  it('whatever the bytes, every file is opened, material or named as left out', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 6 }), fc.boolean(), (contents, open) => {
        const files = contents.map((bytes, i) => head(`f${i}`, bytes));
        const sorted = sortDrop(files, open);
        const accounted = sorted.open.length + Object.keys(sorted.material).length + sorted.ignored.length;
        expect(accounted).toBe(files.length);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
