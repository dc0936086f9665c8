/** The detached-signature formats `verify` understands. */
export type SignatureFormat = 'minisign' | 'cosign' | 'openpgp' | 'sigstore';

/**
 * The answer about one file: verified, or not verified and why (wrong key, changed file, expired key). Input that
 * cannot be read as a signature or a key is a SignatureInputError instead, so "not verified" always means the
 * material was sound and the check failed.
 */
export interface VerifyOutcome {
  format: SignatureFormat;
  verified: boolean;
  reason: string;
  /** The key id the signature names (minisign, OpenPGP) or the key hint (Sigstore), hex or as written. */
  keyId?: string;
  /** minisign's trusted comment, shown only once its global signature checks. */
  trustedComment?: string;
  /** Why it was not verified, in a word a window can show before the sentence in `reason`. */
  failure?: VerifyFailure;
  /** The public key's fingerprint: the OpenPGP v4/v6 fingerprint, or the SHA-256 of an ECDSA key's DER. */
  fingerprint?: string;
}

/**
 * wrong-key: the signature names another key. changed-file: the key matches, the bytes do not. mismatch: file or key
 * differ and the format cannot tell which (ECDSA carries no key id). changed-comment: minisign's trusted comment was
 * edited. expired-key, revoked-key: the signature matches but the key is no longer good.
 */
export type VerifyFailure =
  'wrong-key' | 'changed-file' | 'mismatch' | 'changed-comment' | 'expired-key' | 'revoked-key';

/** Unreadable signature or key material: the user gave us something that is not what the flag asks for. */
export class SignatureInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureInputError';
  }
}

/**
 * The cryptography, handed in by the host (Node's crypto in the CLI), so this folder only parses formats and never
 * implements a primitive. Every function answers true or false; it throws only for a key the host cannot load.
 */
export interface SignatureCrypto {
  blake2b512(data: Uint8Array): Uint8Array;
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** ECDSA P-256 with SHA-256 over `message`; the key is DER SubjectPublicKeyInfo, the signature DER. */
  verifyEcdsaP256Sha256(publicKeySpki: Uint8Array, message: Uint8Array, derSignature: Uint8Array): boolean;
}
