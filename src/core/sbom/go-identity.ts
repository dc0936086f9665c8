import { PackageURL } from 'packageurl-js';

/**
 * How Go modules are named across SBOM tools: purls (pkg:golang/<module path>@<version>, percent-encoded, any
 * case), plain names, and module-cache paths that escape capitals as "!x". Everything is reduced to one key.
 */

/** The key SBOMs use for the Go standard library: syft says "stdlib", cyclonedx-gomod says "std". */
export const STDLIB_KEY = 'stdlib';

/**
 * The canonical purl of a Go module, built by packageurl-js (the reference implementation of the purl spec); ""
 * when the path cannot name a package (empty, only slashes): build info is read from untrusted binaries.
 */
export function goPurl(modulePath: string, version: string): string {
  const path = modulePath.trim().replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  const namespace = slash < 0 ? undefined : path.slice(0, slash);
  const name = slash < 0 ? path : path.slice(slash + 1);
  if (!name) return '';
  try {
    return new PackageURL(
      'golang',
      namespace || undefined,
      name,
      version || undefined,
      undefined,
      undefined,
    ).toString();
  } catch {
    return '';
  }
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Lower case, without module-cache "!" capital escapes or slashes at the ends: how two spellings compare. */
export function moduleKey(path: string): string {
  let key = path.trim().toLowerCase();
  if (key.includes('!')) key = key.replace(/!/g, '');
  if (key.startsWith('/') || key.endsWith('/')) key = key.replace(/^\/+|\/+$/g, '');
  return key === 'std' ? STDLIB_KEY : key;
}

/** "v1.2.3", "1.2.3" and "go1.2.3" compare equal; "(devel)" means no version. */
export function versionKey(version: string): string {
  const trimmed = version.trim().toLowerCase();
  if (trimmed === '(devel)') return '';
  const skip = trimmed.startsWith('v') ? 1 : trimmed.startsWith('go') ? 2 : 0;
  const digit = trimmed.charCodeAt(skip);
  return skip > 0 && digit >= 0x30 && digit <= 0x39 ? trimmed.slice(skip) : trimmed;
}

const GOLANG_PREFIX = 'pkg:golang/';

export interface GoPurlParts {
  key: string;
  version: string;
}

/**
 * Reads a pkg:golang purl leniently (a hand-written SBOM may not encode "/" or may escape it as %2F) without
 * throwing; null for other purl types. Qualifiers and the subpath (a package inside the module) are dropped.
 */
export function parseGoPurl(purl: string): GoPurlParts | null {
  let rest: string;
  if (purl.startsWith(GOLANG_PREFIX)) rest = purl.slice(GOLANG_PREFIX.length);
  else {
    const match = /^pkg:\/*golang\/(.*)$/i.exec(purl.trim());
    if (!match) return null;
    rest = match[1] as string;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  if (question >= 0) rest = rest.slice(0, question);
  const at = rest.lastIndexOf('@');
  const path = decode(at >= 0 ? rest.slice(0, at) : rest);
  return { key: moduleKey(path), version: at >= 0 ? decode(rest.slice(at + 1)) : '' };
}

/** A purl that names some other ecosystem (pkg:deb, pkg:npm, ...): not a Go module. */
export function isOtherPurl(purl: string): boolean {
  return purl.trim() !== '' && parseGoPurl(purl) === null;
}

/** A directory replacement ("=> ../greeting") as opposed to a module replacement ("=> example.com/fork v1.0.0"). */
export function isLocalPath(path: string): boolean {
  return /^(\.{1,2}([/\\]|$)|[/\\]|[A-Za-z]:[/\\])/.test(path);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 digit value by char code, -1 for anything else. */
const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUES[BASE64.charCodeAt(i)] = i;
const HEX_DIGITS = '0123456789abcdef';
/** Reused by h1Digest: reconcile decodes one sum per module and keeps none of them. */
const digest = new Uint8Array(32);

/**
 * Decodes the SHA-256 inside a Go h1: sum (base64 of 32 bytes: 43 digits and one "=") into the shared buffer.
 * Table-driven rather than atob, and allocation-free, because reconcile runs it for every module.
 */
function h1Digest(sum: string): Uint8Array | null {
  if (sum.length !== 47 || !sum.startsWith('h1:') || sum.charCodeAt(46) !== 0x3d) return null;
  let bits = 0;
  let buffer = 0;
  let out = 0;
  for (let i = 3; i < 46; i++) {
    const code = sum.charCodeAt(i);
    const value = code < 128 ? (BASE64_VALUES[code] as number) : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      digest[out++] = (buffer >> bits) & 0xff;
    }
  }
  // The last digit's 2 spare bits must be zero in canonical base64.
  return (buffer & ((1 << bits) - 1)) === 0 ? digest : null;
}

/**
 * Go's h1: sum is base64 of a SHA-256 (over the module's file list); as hex it is the SHA-256 an SBOM should carry.
 * null when the sum is not a well-formed h1.
 */
export function h1ToSha256Hex(sum: string): string | null {
  const bytes = h1Digest(sum);
  if (!bytes) return null;
  let hex = '';
  for (const byte of bytes) hex += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return hex;
}

/** Whether a lower-case hex SHA-256 is the one in the h1: sum; null when the sum is not a well-formed h1. */
export function sha256MatchesH1(hex: string, sum: string): boolean | null {
  const bytes = h1Digest(sum);
  if (!bytes) return null;
  if (hex.length !== 64) return false;
  for (let i = 0; i < 32; i++) {
    const byte = bytes[i] as number;
    if (hex[2 * i] !== HEX_DIGITS[byte >> 4] || hex[2 * i + 1] !== HEX_DIGITS[byte & 15]) return false;
  }
  return true;
}
