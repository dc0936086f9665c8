import { decodeBase64, pemBody, textOf } from './encoding';
import type { SignatureCrypto, VerifyOutcome } from './types';
import { SignatureInputError } from './types';

/**
 * `cosign sign-blob --key` writes the ECDSA P-256 signature over the file's SHA-256 as base64 of the DER value, and
 * `cosign.pub` holds a PEM "PUBLIC KEY" (SubjectPublicKeyInfo).
 */
export function looksLikeCosign(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}\s*$/.test(text) && text.trim().length >= 8;
}

export function publicKeySpki(keyBytes: Uint8Array): Uint8Array {
  const spki = pemBody(textOf(keyBytes, 'the key'), 'PUBLIC KEY');
  if (spki === null) throw new SignatureInputError('the key is not a PEM public key (-----BEGIN PUBLIC KEY-----)');
  return spki;
}

export function verifyCosign(
  file: Uint8Array,
  signatureBytes: Uint8Array,
  keyBytes: Uint8Array,
  crypto: SignatureCrypto,
): VerifyOutcome {
  const der = decodeBase64(textOf(signatureBytes, 'the signature'), 'the cosign signature');
  // A DER ECDSA value is a SEQUENCE (0x30); anything else is not this format.
  if (der[0] !== 0x30) throw new SignatureInputError('the cosign signature is not a DER ECDSA signature');
  const spki = publicKeySpki(keyBytes);
  const verified = crypto.verifyEcdsaP256Sha256(spki, file, der);
  return {
    format: 'cosign',
    verified,
    ...(!verified && { failure: 'mismatch' as const }),
    reason: verified
      ? 'ECDSA P-256 signature over the SHA-256 of the file'
      : 'the signature does not match this file and key: the file was changed, or it was signed with another key',
  };
}
