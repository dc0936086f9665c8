import { looksLikeCosign } from './cosign';
import { MAX_SIGNATURE_TEXT } from './encoding';
import { looksLikeMinisign } from './minisign';
import type { SignatureFormat } from './types';

const SIGSTORE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle';
const PGP_ARMOR = '-----BEGIN PGP SIGNATURE-----';
/** OpenPGP signature packet (tag 2) in the old header (0x88-0x8b) or the new one (0xc2). */
const PGP_SIGNATURE_TAGS = new Set([0x88, 0x89, 0x8a, 0x8b, 0xc2]);

/** Which format a detached signature is in, from its first bytes; null when it is none we know. */
export function detectSignatureFormat(signature: Uint8Array): SignatureFormat | null {
  if (signature.length === 0 || signature.length > MAX_SIGNATURE_TEXT) return null;
  if (PGP_SIGNATURE_TAGS.has(signature[0]!)) return 'openpgp';
  const text = new TextDecoder().decode(signature).replace(/^\uFEFF/, '');
  if (looksLikeMinisign(text)) return 'minisign';
  if (text.trimStart().startsWith(PGP_ARMOR)) return 'openpgp';
  if (text.trimStart().startsWith('{')) return text.includes(SIGSTORE_MEDIA_TYPE) ? 'sigstore' : null;
  return looksLikeCosign(text) ? 'cosign' : null;
}
