import { looksLikeCosign } from './cosign';
import { MAX_SIGNATURE_TEXT } from './encoding';
import { looksLikeMinisign } from './minisign';
import { PGP_PUBLIC_KEY_TAG, PGP_SIGNATURE_TAG, startsWithPgpPacket } from './pgp-packet';
import type { SignatureFormat } from './types';

const SIGSTORE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle';
const PGP_ARMOR = '-----BEGIN PGP SIGNATURE-----';

/** Which format a detached signature is in, from its first bytes; null when it is none we know. */
export function detectSignatureFormat(signature: Uint8Array): SignatureFormat | null {
  if (signature.length === 0 || signature.length > MAX_SIGNATURE_TEXT) return null;
  if (startsWithPgpPacket(signature, PGP_SIGNATURE_TAG)) return 'openpgp';
  const text = new TextDecoder().decode(signature).replace(/^\uFEFF/, '');
  if (looksLikeMinisign(text)) return 'minisign';
  if (text.trimStart().startsWith(PGP_ARMOR)) return 'openpgp';
  if (text.trimStart().startsWith('{')) return text.includes(SIGSTORE_MEDIA_TYPE) ? 'sigstore' : null;
  return looksLikeCosign(text) ? 'cosign' : null;
}

/** What a small dropped file is for a verification; null when it is none of these (a binary, an SBOM, anything). */
export type MaterialKind = 'signature' | 'key' | 'go.sum' | 'trusted-root';

const PGP_KEY_ARMOR = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const PEM_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----';
const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot';
/** "module version h1:hash", the version possibly followed by /go.mod. */
const GO_SUM_LINE = /^\S+ v\S+ h1:[A-Za-z0-9+/]+=*$/;

function isMinisignKey(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const keyLines = lines.filter((line) => !line.startsWith('untrusted comment: '));
  // "Ed" + 8-byte key id + 32-byte key is 42 bytes: 56 base64 characters starting "RW".
  return keyLines.length === 1 && /^RW[Q-T][A-Za-z0-9+/]{53}$/.test(keyLines[0]!.trim());
}

function isGoSum(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  return lines.length > 0 && lines.every((line) => GO_SUM_LINE.test(line.trim()));
}

/**
 * Sorts a file the user dropped with a binary: a detached signature, a public key, a go.sum or a Sigstore trusted
 * root. Only the first MAX_SIGNATURE_TEXT bytes matter (real material is far smaller); a go.sum longer than that is
 * judged on its complete lines.
 */
export function detectMaterial(head: Uint8Array): MaterialKind | null {
  if (head.length === 0) return null;
  if (startsWithPgpPacket(head.subarray(0, MAX_SIGNATURE_TEXT), PGP_PUBLIC_KEY_TAG)) return 'key';
  const text = new TextDecoder().decode(head.subarray(0, MAX_SIGNATURE_TEXT)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith(PGP_KEY_ARMOR) || start.startsWith(PEM_PUBLIC_KEY) || isMinisignKey(text)) return 'key';
  if (detectSignatureFormat(head.subarray(0, MAX_SIGNATURE_TEXT)) !== null) return 'signature';
  if (start.startsWith('{') && text.includes(TRUSTED_ROOT_MEDIA_TYPE)) return 'trusted-root';
  const whole = head.length <= MAX_SIGNATURE_TEXT ? text : text.slice(0, text.lastIndexOf('\n'));
  return isGoSum(whole) ? 'go.sum' : null;
}
