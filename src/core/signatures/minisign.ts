import { concatBytes, decodeBase64, hex, sameBytes, textOf } from './encoding';
import type { SignatureCrypto, VerifyFailure, VerifyOutcome } from './types';
import { SignatureInputError } from './types';

/** "Ed": Ed25519 over the file itself (legacy, `minisign -l`); "ED": over its BLAKE2b-512 digest (the default). */
const LEGACY_ALGORITHM = 'Ed';
const PREHASHED_ALGORITHM = 'ED';
const KEY_ID_LEN = 8;
const SIGNATURE_LEN = 64;
const PUBLIC_KEY_LEN = 32;
const TRUSTED_PREFIX = 'trusted comment: ';
const UNTRUSTED_PREFIX = 'untrusted comment: ';

export interface MinisignSignature {
  algorithm: string;
  keyId: Uint8Array;
  signature: Uint8Array;
  trustedComment: string;
  globalSignature: Uint8Array;
}

export interface MinisignKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export function looksLikeMinisign(text: string): boolean {
  return text.startsWith(UNTRUSTED_PREFIX);
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.length > 0);
}

/**
 * minisign writes key ids as the 64-bit little-endian number in upper-case hex without leading zeros (printf's
 * PRIX64), in the key's comment and its messages; the same here, so the id reads as the tool wrote it.
 */
export function keyIdText(keyId: Uint8Array): string {
  return hex(keyId.slice().reverse())
    .toUpperCase()
    .replace(/^0+(?=.)/, '');
}

export function parseMinisignSignature(bytes: Uint8Array): MinisignSignature {
  const [untrusted, encoded, trusted, global] = lines(textOf(bytes, 'the signature'));
  if (!untrusted?.startsWith(UNTRUSTED_PREFIX) || encoded === undefined || !trusted?.startsWith(TRUSTED_PREFIX))
    throw new SignatureInputError(
      'the minisign signature needs four lines: comment, signature, trusted comment, global signature',
    );
  const body = decodeBase64(encoded, 'the minisign signature line');
  if (body.length !== 2 + KEY_ID_LEN + SIGNATURE_LEN)
    throw new SignatureInputError('the minisign signature has the wrong length');
  const algorithm = String.fromCharCode(body[0]!, body[1]!);
  if (algorithm !== LEGACY_ALGORITHM && algorithm !== PREHASHED_ALGORITHM)
    throw new SignatureInputError(`unknown minisign signature algorithm "${algorithm}"`);
  const globalSignature = decodeBase64(global ?? '', 'the minisign global signature');
  if (globalSignature.length !== SIGNATURE_LEN)
    throw new SignatureInputError('the minisign global signature has the wrong length');
  return {
    algorithm,
    keyId: body.slice(2, 2 + KEY_ID_LEN),
    signature: body.slice(2 + KEY_ID_LEN),
    trustedComment: trusted.slice(TRUSTED_PREFIX.length),
    globalSignature,
  };
}

/** A `.pub` file (comment line and key line) or the bare base64 key line that `minisign -P` takes. */
export function parseMinisignKey(bytes: Uint8Array): MinisignKey {
  const keyLines = lines(textOf(bytes, 'the key')).filter((line) => !line.startsWith(UNTRUSTED_PREFIX));
  if (keyLines.length !== 1) throw new SignatureInputError('the minisign public key needs one key line');
  const body = decodeBase64(keyLines[0]!, 'the minisign public key');
  if (body.length !== 2 + KEY_ID_LEN + PUBLIC_KEY_LEN || body[0] !== 0x45 || body[1] !== 0x64)
    throw new SignatureInputError('this is not a minisign Ed25519 public key');
  return { keyId: body.slice(2, 2 + KEY_ID_LEN), publicKey: body.slice(2 + KEY_ID_LEN) };
}

export function verifyMinisign(
  file: Uint8Array,
  signatureBytes: Uint8Array,
  keyBytes: Uint8Array,
  crypto: SignatureCrypto,
): VerifyOutcome {
  const signature = parseMinisignSignature(signatureBytes);
  const key = parseMinisignKey(keyBytes);
  const keyId = keyIdText(signature.keyId);
  const answer = (verified: boolean, reason: string, failure?: VerifyFailure): VerifyOutcome => ({
    format: 'minisign',
    verified,
    reason,
    keyId,
    ...(failure && { failure }),
  });
  if (!sameBytes(signature.keyId, key.keyId))
    return answer(
      false,
      `wrong key: the signature was made by key ${keyId}, the key given is ${keyIdText(key.keyId)}`,
      'wrong-key',
    );
  const message = signature.algorithm === PREHASHED_ALGORITHM ? crypto.blake2b512(file) : file;
  if (!crypto.verifyEd25519(key.publicKey, message, signature.signature))
    return answer(
      false,
      'the signature does not match the file: the file was changed after signing, or this is another file',
      'changed-file',
    );
  const commentBytes = new TextEncoder().encode(signature.trustedComment);
  if (!crypto.verifyEd25519(key.publicKey, concatBytes(signature.signature, commentBytes), signature.globalSignature))
    return answer(
      false,
      'the trusted comment was changed after signing (its global signature does not match)',
      'changed-comment',
    );
  const mode = signature.algorithm === PREHASHED_ALGORITHM ? 'pre-hashed (BLAKE2b-512)' : 'legacy (whole file)';
  return { ...answer(true, `minisign signature by key ${keyId}, ${mode}`), trustedComment: signature.trustedComment };
}
