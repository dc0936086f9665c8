import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyRequest } from '../../src/common/verify';
import { FileRegistry } from '../../src/host/files';
import { VerificationService } from '../../src/host/verification';
import type { Material } from './material';
import { gpgHome, minisignKey, minisignSign, newMaterial, tampered } from './material';

// The worker the app and serve mode run, as `npm run build` bundles it for serve mode.
const builtWorker = resolve('out/cli/verify-worker.mjs');
const SUMS = resolve('test/fixtures/bin/sums-linux-amd64');
const SUMS_GO_SUM = resolve('test/fixtures/truth/sums-linux-amd64.go.sum');

let m: Material;
const registry = new FileRegistry(false);
const service = new VerificationService(pathToFileURL(builtWorker));
const source = (path: string) => registry.register(path).source;

/** The window's request: the binary by the id of its path, each other file likewise or none. */
function request(file: string, parts: Partial<Record<Exclude<keyof VerifyRequest, 'file'>, string>>): VerifyRequest {
  const of = (name: string | undefined) => (name === undefined ? null : source(m.path(name)));
  return {
    file: source(file.startsWith('/') ? file : m.path(file)),
    signature: of(parts.signature),
    key: of(parts.key),
    trustedRoot: null,
    goSum: parts.goSum === undefined ? null : source(parts.goSum),
  };
}

beforeAll(() => {
  expect(existsSync(builtWorker), 'run `npm run build` first').toBe(true);
  m = newMaterial();
  m.write(
    'app',
    new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff),
  );
  tampered(m, 'app');
  minisignKey(m, 'mini');
  minisignSign(m, 'mini', 'app', 'app.minisig');
  // Made in 2024 with a key valid for a year, as gpg --faked-system-time lets one do: the key has expired since.
  const old = gpgHome(m, 'old', 'Old Signer <old@example.invalid>', '1y', '20240101T000000');
  old(['--armor', '--export', '-o', m.path('old.asc')]);
  old(['--detach-sign', '-o', m.path('app.old.sig'), m.path('app')]);
  m.write('old.fpr', old(['--with-colons', '--fingerprint']));
  m.write('broken.asc', '-----BEGIN PGP SIGNATURE-----\n\nnot a packet\n-----END PGP SIGNATURE-----\n');
});

describe('checks the window asks for, run in the verification worker', () => {
  it('minisign: verified; the tampered copy is not, the file was changed', async () => {
    const good = await service.verify(request('app', { signature: 'app.minisig', key: 'mini.pub' }), registry);
    expect(good).toMatchObject({ ok: true, value: { signature: { ok: true, value: { verified: true } } } });
    const bad = await service.verify(request('app.tampered', { signature: 'app.minisig', key: 'mini.pub' }), registry);
    expect(bad).toMatchObject({
      ok: true,
      value: { signature: { value: { verified: false, failure: 'changed-file' } } },
    });
  });

  it('OpenPGP from a key that has expired since: not verified, expired key, with the fingerprint gpg lists', async () => {
    const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(Buffer.from(m.read('old.fpr')).toString())![1]!;
    const result = await service.verify(request('app', { signature: 'app.old.sig', key: 'old.asc' }), registry);
    expect(result).toMatchObject({
      ok: true,
      value: { signature: { ok: true, value: { verified: false, failure: 'expired-key', fingerprint } } },
    });
  });

  it('a signature file that cannot be read is an error of that part with its sentence, not a failed check', async () => {
    const result = await service.verify(request('app', { signature: 'broken.asc', key: 'old.asc' }), registry);
    expect(result).toMatchObject({ ok: true, value: { signature: { ok: false, error: { code: 'BAD_MATERIAL' } } } });
    if (result.ok && result.value.signature && !result.value.signature.ok)
      expect(result.value.signature.error.message).toMatch(
        /^The signature could not be checked: the OpenPGP signature/,
      );
  });

  it('a signature without its key asks for the key', async () => {
    const result = await service.verify(request('app', { signature: 'app.minisig' }), registry);
    expect(result).toMatchObject({ ok: true, value: { signature: { ok: false } } });
    expect(JSON.stringify(result)).toMatch(/checked against its public key/);
  });

  it('go.sum as go build wrote it is consistent with the binary; the SHA-256 names the bytes checked', async () => {
    const result = await service.verify(request(SUMS, { goSum: SUMS_GO_SUM }), registry);
    // go version -m lists one dependency with an h1: sum; sha256sum wrote the digest when the fixture was built.
    const sha256 = Buffer.from(m.run('sha256sum', [SUMS]))
      .toString()
      .split(' ')[0];
    expect(result).toMatchObject({
      ok: true,
      value: { fileSha256: sha256, signature: null, goSum: { ok: true, value: { consistent: true, matching: 1 } } },
    });
  });

  it('nothing to check against, and a path the page named, are refused', async () => {
    const nothing = await service.verify(request('app', {}), registry);
    expect(nothing).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_CHECK' } });
    const named = { ...request('app', { key: 'mini.pub' }), signature: { kind: 'path', path: m.path('app.minisig') } };
    expect(await service.verify(named as VerifyRequest, registry)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
