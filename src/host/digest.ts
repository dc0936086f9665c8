import { createHash } from 'node:crypto';

/**
 * SHA-256 of a file's bytes as lowercase hex, read in place: WebCrypto's digest copies its input first, which for
 * a gigabyte file is a second gigabyte. Hashing is as fast either way (both are OpenSSL).
 */
export function sha256InPlace(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
