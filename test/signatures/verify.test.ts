import { beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../src/cli/commands/verify';
import { InputError } from '../../src/cli/analyze-command';
import type { Material } from './material';
import {
  cosignSign,
  ecKey,
  gpgHome,
  minisignKey,
  minisignSign,
  newMaterial,
  sigstoreBundle,
  tampered,
} from './material';

let m: Material;

/** Runs `gobinscope verify` as the CLI does and returns its exit code and what it printed. */
async function verify(file: string, flags: Record<string, string>): Promise<{ code: number; out: string }> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const code = await verifyCommand.run({ positionals: [m.path(file)], flags: new Map(Object.entries(flags)) });
    return { code, out: writes.join('') };
  } finally {
    spy.mockRestore();
  }
}

const paths = (flags: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(flags).map(([k, v]) => [k, m.path(v)]));

beforeAll(() => {
  m = newMaterial();
  m.write(
    'app',
    new Uint8Array(200_000).map((_, i) => (i * 7919) & 0xff),
  );
  tampered(m, 'app');
  minisignKey(m, 'mini');
  minisignKey(m, 'other-mini');
  minisignSign(m, 'mini', 'app', 'app.minisig');
  minisignSign(m, 'mini', 'app', 'app.legacy.minisig', true);
  ecKey(m, 'ec');
  ecKey(m, 'other-ec');
  cosignSign(m, 'ec', 'app', 'app.sig');
  sigstoreBundle(m, 'ec', 'app', 'app.sigstore.json');
  sigstoreBundle(m, 'ec', 'app', 'app.keyless.json', true);
});

describe('verify: minisign', () => {
  for (const sig of ['app.minisig', 'app.legacy.minisig']) {
    it(`${sig}: verified, tampered copy and wrong key are not`, async () => {
      const good = await verify('app', paths({ signature: sig, key: 'mini.pub' }));
      expect(good.code).toBe(0);
      expect(good.out).toContain('trusted comment: release 1.0');
      expect((await verify('app.tampered', paths({ signature: sig, key: 'mini.pub' }))).code).toBe(1);
      const wrong = await verify('app', paths({ signature: sig, key: 'other-mini.pub' }));
      expect(wrong.code).toBe(1);
      expect(wrong.out).toMatch(/wrong key/);
    });
  }

  it('names the key id minisign printed in the public key comment', async () => {
    const keyId = /minisign public key ([0-9A-F]{1,16})$/m.exec(Buffer.from(m.read('mini.pub')).toString())![1]!;
    expect((await verify('app', paths({ signature: 'app.minisig', key: 'mini.pub' }))).out).toContain(keyId);
  });

  it('a changed trusted comment fails its global signature', async () => {
    const text = Buffer.from(m.read('app.minisig')).toString().replace('release 1.0', 'release 9.9');
    m.write('app.comment.minisig', text);
    const out = await verify('app', paths({ signature: 'app.comment.minisig', key: 'mini.pub' }));
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/trusted comment/);
  });
});

describe('verify: cosign sign-blob --key format', () => {
  it('verified, tampered copy and wrong key are not', async () => {
    const good = await verify('app', paths({ signature: 'app.sig', key: 'ec.pub' }));
    expect(good.code).toBe(0);
    // The SHA-256 of the key's DER, as openssl computes it over the same key.
    m.run('openssl', ['pkey', '-pubin', '-in', 'ec.pub', '-outform', 'DER', '-out', 'ec.der']);
    const digest = m.run('openssl', ['dgst', '-sha256', '-r', 'ec.der']).split(' ')[0];
    expect(good.out).toContain(`key fingerprint: ${digest}`);
    expect((await verify('app.tampered', paths({ signature: 'app.sig', key: 'ec.pub' }))).code).toBe(1);
    expect((await verify('app', paths({ signature: 'app.sig', key: 'other-ec.pub' }))).code).toBe(1);
  });

  it('a key that is not a PEM public key is bad input', async () => {
    await expect(verify('app', paths({ signature: 'app.sig', key: 'mini.pub' }))).rejects.toBeInstanceOf(InputError);
  });
});

describe('verify: Sigstore bundle made with a key', () => {
  it('verified, tampered copy and wrong key are not', async () => {
    expect((await verify('app', paths({ signature: 'app.sigstore.json', key: 'ec.pub' }))).code).toBe(0);
    expect((await verify('app.tampered', paths({ signature: 'app.sigstore.json', key: 'ec.pub' }))).code).toBe(1);
    expect((await verify('app', paths({ signature: 'app.sigstore.json', key: 'other-ec.pub' }))).code).toBe(1);
  });

  it('a keyless bundle without a trusted root asks for one', async () => {
    await expect(verify('app', paths({ signature: 'app.keyless.json' }))).rejects.toThrow(/--trusted-root FILE/);
  });
});

describe('verify: OpenPGP detached signatures', () => {
  beforeAll(() => {
    const gpg = gpgHome(m, 'now', 'Release Signer <release@example.invalid>', '1y');
    gpg(['--armor', '--export', '-o', m.path('pgp.asc')]);
    gpg(['--export', '-o', m.path('pgp.gpg')]);
    gpg(['--armor', '--detach-sign', '-o', m.path('app.asc'), m.path('app')]);
    gpg(['--detach-sign', '-o', m.path('app.pgpsig'), m.path('app')]);
    m.write('pgp.fpr', gpg(['--with-colons', '--fingerprint']));
    const other = gpgHome(m, 'other', 'Someone Else <else@example.invalid>', '1y');
    other(['--armor', '--export', '-o', m.path('other.asc')]);
    // Made and used in 2024, expired at the end of that year: the signature was good when made.
    const old = gpgHome(m, 'old', 'Old Signer <old@example.invalid>', '1y', '20240101T000000');
    old(['--armor', '--export', '-o', m.path('old.asc')]);
    old(['--detach-sign', '-o', m.path('app.old.sig'), m.path('app')]);
  });

  for (const [sig, key] of [
    ['app.asc', 'pgp.asc'],
    ['app.pgpsig', 'pgp.gpg'],
    ['app.asc', 'pgp.gpg'],
  ] as const) {
    it(`${sig} with ${key}: verified, tampered copy and wrong key are not`, async () => {
      const good = await verify('app', paths({ signature: sig, key }));
      expect(good.code).toBe(0);
      // The fingerprint as gpg --with-colons lists it; a wrong key's fingerprint is not shown as the signer's.
      const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(Buffer.from(m.read('pgp.fpr')).toString())![1]!;
      expect(good.out).toContain(`key fingerprint: ${fingerprint}`);
      expect((await verify('app.tampered', paths({ signature: sig, key }))).code).toBe(1);
      const wrong = await verify('app', paths({ signature: sig, key: 'other.asc' }));
      expect(wrong.code).toBe(1);
      expect(wrong.out).toMatch(/wrong key/);
      expect(wrong.out).not.toContain('key fingerprint');
    });
  }

  it('a key that has expired since is not verified, and says so', async () => {
    const out = await verify('app', paths({ signature: 'app.old.sig', key: 'old.asc' }));
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/expired/);
  });
});
