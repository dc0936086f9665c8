import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Signatures made by the real tools (minisign, gpg, openssl) in a fresh temp dir, so every expected answer comes from
 * the tool that signed, not from our code.
 */
export interface Material {
  dir: string;
  path(name: string): string;
  read(name: string): Uint8Array;
  write(name: string, bytes: Uint8Array | string): string;
  run(command: string, args: string[], env?: Record<string, string>): string;
}

export function newMaterial(): Material {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-sig-'));
  const path = (name: string): string => join(dir, name);
  return {
    dir,
    path,
    read: (name) => new Uint8Array(readFileSync(path(name))),
    write(name, bytes) {
      writeFileSync(path(name), bytes);
      return path(name);
    },
    run: (command, args, env = {}) =>
      execFileSync(command, args, {
        cwd: dir,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString(),
  };
}

/** A copy of the file with one byte flipped, as a download damaged or changed after signing. */
export function tampered(m: Material, name: string): string {
  const bytes = m.read(name);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  return m.write(`${name}.tampered`, bytes);
}

export function minisignKey(m: Material, name: string): void {
  m.run('minisign', ['-G', '-W', '-p', `${name}.pub`, '-s', `${name}.sec`]);
}

export function minisignSign(m: Material, key: string, file: string, out: string, legacy = false): void {
  m.run('minisign', ['-S', ...(legacy ? ['-l'] : []), '-s', `${key}.sec`, '-m', file, '-x', out, '-t', 'release 1.0']);
}

export function ecKey(m: Material, name: string): void {
  m.run('openssl', ['ecparam', '-genkey', '-name', 'prime256v1', '-noout', '-out', `${name}.key`]);
  m.run('openssl', ['ec', '-in', `${name}.key`, '-pubout', '-out', `${name}.pub`]);
}

/** What `cosign sign-blob --key` writes: base64 of the DER ECDSA signature over the file's SHA-256. */
export function cosignSign(m: Material, key: string, file: string, out: string): void {
  m.run('openssl', ['dgst', '-sha256', '-sign', `${key}.key`, '-out', `${out}.der`, file]);
  m.write(out, Buffer.from(m.read(`${out}.der`)).toString('base64'));
}

/** A Sigstore bundle (v0.3) for a key: messageSignature with the SHA-256 digest, the key hint, no log entries. */
export function sigstoreBundle(m: Material, key: string, file: string, out: string, keyless = false): void {
  cosignSign(m, key, file, `${out}.b64`);
  const material = keyless
    ? { certificate: { rawBytes: selfSignedCertificate(m, key) } }
    : { publicKey: { hint: 'release-key' } };
  const bundle = {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { ...material, tlogEntries: [] },
    messageSignature: {
      messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from(digestBytes(m, file)).toString('base64') },
      signature: Buffer.from(m.read(`${out}.b64`)).toString(),
    },
  };
  m.write(out, JSON.stringify(bundle));
}

function digestBytes(m: Material, file: string): Uint8Array {
  m.run('openssl', ['dgst', '-sha256', '-binary', '-out', `${file}.sha256`, file]);
  return m.read(`${file}.sha256`);
}

function selfSignedCertificate(m: Material, key: string): string {
  m.run('openssl', [
    'req',
    '-x509',
    '-new',
    '-key',
    `${key}.key`,
    '-subj',
    '/CN=test',
    '-days',
    '1',
    '-outform',
    'DER',
    '-out',
    `${key}.cer`,
  ]);
  return Buffer.from(m.read(`${key}.cer`)).toString('base64');
}

/** A throwaway GnuPG home; `when` fakes the clock (gpg's --faked-system-time) to make a key that has since expired. */
export function gpgHome(
  m: Material,
  name: string,
  user: string,
  expiry: string,
  when?: string,
): (args: string[]) => string {
  const home = join(m.dir, `gnupg-${name}`);
  m.run('mkdir', ['-m', '700', home]);
  const faked = when === undefined ? [] : ['--faked-system-time', `${when}!`];
  const gpg = (args: string[]): string => m.run('gpg', ['--batch', '--quiet', ...faked, ...args], { GNUPGHOME: home });
  gpg(['--passphrase', '', '--quick-gen-key', user, 'ed25519', 'sign', expiry]);
  return gpg;
}
