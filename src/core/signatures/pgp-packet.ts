/** OpenPGP packet tags a detached signature or an exported public key starts with (RFC 9580 §5). */
export const PGP_SIGNATURE_TAG = 2;
export const PGP_PUBLIC_KEY_TAG = 6;

/** Packet versions in use: 3 and 4 (RFC 4880), 5 (LibrePGP), 6 (RFC 9580). */
const PACKET_VERSIONS = new Set([3, 4, 5, 6]);

interface PacketHeader {
  tag: number;
  headerLength: number;
  bodyLength: number;
}

/** Big-endian length of `size` bytes at `at`, or null when they run past the end. */
function lengthAt(bytes: Uint8Array, at: number, size: number): number | null {
  if (at + size > bytes.length) return null;
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
  return value;
}

/** The first packet's header, old format (RFC 9580 §4.2.2) or new (§4.2.1); null for partial or unknown lengths. */
function firstHeader(bytes: Uint8Array): PacketHeader | null {
  const first = bytes[0];
  if (first === undefined || (first & 0x80) === 0) return null;
  if ((first & 0x40) === 0) {
    const lengthType = first & 0x03;
    if (lengthType === 3) return null;
    const size = [1, 2, 4][lengthType]!;
    const bodyLength = lengthAt(bytes, 1, size);
    return bodyLength === null ? null : { tag: (first >> 2) & 0x0f, headerLength: 1 + size, bodyLength };
  }
  const tag = first & 0x3f;
  const octet = bytes[1];
  if (octet === undefined || (octet >= 224 && octet < 255)) return null;
  if (octet < 192) return { tag, headerLength: 2, bodyLength: octet };
  if (octet < 224) {
    const second = bytes[2];
    return second === undefined ? null : { tag, headerLength: 3, bodyLength: (octet - 192) * 256 + second + 192 };
  }
  const bodyLength = lengthAt(bytes, 2, 4);
  return bodyLength === null ? null : { tag, headerLength: 6, bodyLength };
}

/**
 * Whether binary bytes start with a whole OpenPGP packet of this tag: the header, a body that fits in the bytes and
 * a known version. One lead byte is not enough: a PNG starts with 0x89, an old-format signature header.
 */
export function startsWithPgpPacket(bytes: Uint8Array, tag: number): boolean {
  const header = firstHeader(bytes);
  if (header === null || header.tag !== tag || header.bodyLength === 0) return false;
  if (header.headerLength + header.bodyLength > bytes.length) return false;
  return PACKET_VERSIONS.has(bytes[header.headerLength]!);
}
