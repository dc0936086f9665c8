import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import * as openpgp from 'openpgp';
import { publicKeySpki } from '../../core/signatures/cosign';
import type { SignatureCrypto, VerifyOutcome } from '../../core/signatures/types';
import { SignatureInputError } from '../../core/signatures/types';

/** Node's crypto behind the core's small interface: the core parses, Node computes. */
export const nodeSignatureCrypto: SignatureCrypto = {
  blake2b512: (data) => createHash('blake2b512').update(data).digest(),
  verifyEd25519(publicKey, message, signature) {
    const x = Buffer.from(publicKey).toString('base64url');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    return verify(null, message, key, signature);
  },
  verifyEcdsaP256Sha256(spki, message, derSignature) {
    return verify('sha256', message, { key: p256Key(spki), dsaEncoding: 'der' }, derSignature);
  },
};

function p256Key(spki: Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    throw new SignatureInputError('the public key cannot be read');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new SignatureInputError('the public key is not an ECDSA P-256 key');
  return key;
}

const isArmored = (bytes: Uint8Array): boolean =>
  Buffer.from(bytes.subarray(0, 64)).toString('latin1').includes('-----BEGIN PGP');

async function readPgp<T>(read: () => Promise<T>, what: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new SignatureInputError(`${what} cannot be read: ${(error as Error).message}`);
  }
}

/** Why openpgp refused, in the words the user needs: wrong key, expired key, or a changed file. */
function pgpFailure(message: string): Pick<VerifyOutcome, 'reason' | 'failure'> {
  if (/could not find signing key/i.test(message)) return { reason: `wrong key: ${message}`, failure: 'wrong-key' };
  if (/expired/i.test(message)) return { reason: `the signing key has expired: ${message}`, failure: 'expired-key' };
  if (/revoked/i.test(message)) return { reason: `the signing key was revoked: ${message}`, failure: 'revoked-key' };
  return {
    reason: `the signature does not match the file (changed after signing?): ${message}`,
    failure: 'changed-file',
  };
}

export async function verifyOpenPgp(file: Uint8Array, signature: Uint8Array, key: Uint8Array): Promise<VerifyOutcome> {
  const verificationKeys = await readPgp(
    () =>
      isArmored(key)
        ? openpgp.readKey({ armoredKey: Buffer.from(key).toString('utf8') })
        : openpgp.readKey({ binaryKey: key }),
    'the OpenPGP public key',
  );
  const sig = await readPgp(
    () =>
      isArmored(signature)
        ? openpgp.readSignature({ armoredSignature: Buffer.from(signature).toString('utf8') })
        : openpgp.readSignature({ binarySignature: signature }),
    'the OpenPGP signature',
  );
  const message = await openpgp.createMessage({ binary: file });
  const result = await openpgp.verify({ message, signature: sig, verificationKeys });
  const first = result.signatures[0];
  if (!first) throw new SignatureInputError('the OpenPGP signature holds no signature packet');
  const keyId = first.keyID.toHex().toUpperCase();
  const fingerprint = verificationKeys.getFingerprint().toUpperCase();
  try {
    await first.verified;
  } catch (error) {
    const failure = pgpFailure((error as Error).message);
    // The key given did not make this signature: its fingerprint would name the wrong signer.
    const signer = failure.failure === 'wrong-key' ? {} : { fingerprint };
    return { format: 'openpgp', verified: false, ...failure, keyId, ...signer };
  }
  const expired = await expiredSince(verificationKeys);
  if (expired !== null)
    return {
      format: 'openpgp',
      verified: false,
      reason: `the signature matches, but the signing key expired on ${expired}`,
      failure: 'expired-key',
      keyId,
      fingerprint,
    };
  return { format: 'openpgp', verified: true, reason: `OpenPGP signature by key ${keyId}`, keyId, fingerprint };
}

/**
 * openpgp accepts a signature made while the key was valid; gpg too, with "Note: This key has expired!". A release
 * check should not pass on a key its owner let lapse, so an expired key is "not verified" with the date said.
 */
async function expiredSince(key: openpgp.Key): Promise<string | null> {
  const expiry = await key.getExpirationTime();
  return expiry instanceof Date && expiry.getTime() <= Date.now() ? expiry.toISOString() : null;
}

function parseBundle(bytes: Uint8Array): Bundle {
  try {
    return bundleFromJSON(JSON.parse(Buffer.from(bytes).toString('utf8')));
  } catch (error) {
    throw new SignatureInputError(`the Sigstore bundle cannot be read: ${(error as Error).message}`);
  }
}

/** The user's key as the only trust: no logs, no authorities, so nothing is fetched and nothing else is trusted. */
function keyTrust(key: Uint8Array): TrustMaterial {
  const publicKey = p256Key(publicKeySpki(key));
  return {
    certificateAuthorities: [],
    timestampAuthorities: [],
    tlogs: [],
    ctlogs: [],
    publicKey: () => ({ publicKey, validFor: () => true }),
  };
}

export function verifySigstore(
  file: Uint8Array,
  bundleBytes: Uint8Array,
  key: Uint8Array | null,
  trustedRoot: Uint8Array | null,
): VerifyOutcome {
  const bundle = parseBundle(bundleBytes);
  const material = bundle.verificationMaterial.content;
  const keyless = material.$case !== 'publicKey';
  const hint = material.$case === 'publicKey' ? material.publicKey.hint : undefined;
  if (keyless && trustedRoot === null)
    throw new SignatureInputError('this keyless Sigstore bundle needs the trusted root (--trusted-root FILE)');
  if (!keyless && key === null)
    throw new SignatureInputError('this Sigstore bundle was made with a key: give it with --key');
  const verifier = keyless
    ? new Verifier(toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(Buffer.from(trustedRoot!).toString('utf8')))))
    : new Verifier(keyTrust(key!), { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  try {
    verifier.verify(toSignedEntity(bundle, Buffer.from(file)));
    return { format: 'sigstore', verified: true, reason: 'Sigstore bundle signature over this file', keyId: hint };
  } catch (error) {
    return {
      format: 'sigstore',
      verified: false,
      reason: `not verified: ${(error as Error).message}`,
      failure: 'mismatch',
      keyId: hint,
    };
  }
}
