import { SignatureInputError } from './types';

/** Longest signature or key file read as text; real ones are a few hundred bytes to a few KB. */
export const MAX_SIGNATURE_TEXT = 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function textOf(bytes: Uint8Array, what: string): string {
  if (bytes.length > MAX_SIGNATURE_TEXT) throw new SignatureInputError(`${what} is larger than any signature or key`);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Strict base64 (no line breaks inside, padding only at the end); a malformed value is bad input, not "unverified". */
export function decodeBase64(text: string, what: string): Uint8Array {
  const clean = text.trim();
  if (clean.length === 0 || clean.length % 4 !== 0 || !BASE64.test(clean))
    throw new SignatureInputError(`${what} is not base64`);
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The DER body of the first PEM block with this label, or null when there is none. */
export function pemBody(text: string, label: string): Uint8Array | null {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(text);
  if (!match) return null;
  return decodeBase64(match[1]!.replace(/\s+/g, ''), `the ${label} block`);
}
