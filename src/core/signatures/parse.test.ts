import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyCosign } from './cosign';
import { detectMaterial, detectSignatureFormat } from './detect';
import { keyIdText, parseMinisignKey, parseMinisignSignature } from './minisign';
import type { SignatureCrypto } from './types';
import { SignatureInputError } from './types';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const b64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));

// The layout minisign documents: "ED" + 8-byte key id + 64-byte signature; "Ed" + key id + 32-byte public key.
const keyId = [1, 2, 3, 4, 5, 6, 7, 8];
const sigLine = b64([0x45, 0x44, ...keyId, ...new Array<number>(64).fill(9)]);
const globalLine = b64(new Array<number>(64).fill(7));
const goodSignature = `untrusted comment: x\n${sigLine}\ntrusted comment: hello\n${globalLine}\n`;
const goodKey = `untrusted comment: k\n${b64([0x45, 0x64, ...keyId, ...new Array<number>(32).fill(3)])}\n`;

const neverCalled: SignatureCrypto = {
  blake2b512: () => {
    throw new Error('not reached');
  },
  verifyEd25519: () => {
    throw new Error('not reached');
  },
  verifyEcdsaP256Sha256: () => {
    throw new Error('not reached');
  },
};

describe('minisign parsing', () => {
  it('reads the documented layout', () => {
    const parsed = parseMinisignSignature(text(goodSignature));
    expect(parsed.algorithm).toBe('ED');
    expect([...parsed.keyId]).toEqual(keyId);
    expect(parsed.trustedComment).toBe('hello');
    expect([...parseMinisignKey(text(goodKey)).keyId]).toEqual(keyId);
  });

  const damaged: [string, string][] = [
    ['missing trusted comment', goodSignature.split('\n').slice(0, 2).join('\n')],
    ['bad base64', goodSignature.replace(sigLine, '!!!!')],
    ['short signature line', goodSignature.replace(sigLine, sigLine.slice(0, 40))],
    [
      'unknown algorithm',
      goodSignature.replace(sigLine, b64([0x58, 0x58, ...keyId, ...new Array<number>(64).fill(9)])),
    ],
    ['short global signature', goodSignature.replace(globalLine, 'AAAA')],
  ];
  for (const [name, input] of damaged) {
    it(`${name} is bad input`, () => {
      expect(() => parseMinisignSignature(text(input))).toThrow(SignatureInputError);
    });
  }

  it('a public key of the wrong length or kind is bad input', () => {
    expect(() => parseMinisignKey(text('untrusted comment: k\nAAAA\n'))).toThrow(SignatureInputError);
    expect(() => parseMinisignKey(text(goodKey.replace('RWQ', 'RUQ')))).toThrow(SignatureInputError);
  });
});

describe('minisign key ids', () => {
  it('read as minisign prints them: the little-endian number in hex, without leading zeros (PRIX64)', () => {
    // A key minisign -G made here: its comment said "minisign public key 6B02E0A17D01BCC" (15 digits) and the
    // key line's bytes 2..9 (od -tx1) were these.
    expect(keyIdText(new Uint8Array([0xcc, 0x1b, 0xd0, 0x17, 0x0a, 0x2e, 0xb0, 0x06]))).toBe('6B02E0A17D01BCC');
  });
});

describe('format detection', () => {
  it('tells the formats apart by their first bytes', () => {
    expect(detectSignatureFormat(text(goodSignature))).toBe('minisign');
    expect(detectSignatureFormat(text('-----BEGIN PGP SIGNATURE-----\n\nabc\n'))).toBe('openpgp');
    // RFC 9580 §4.2: an old-format header (tag 2, one length octet), then the body, version 4 first.
    expect(detectSignatureFormat(new Uint8Array([0x88, 0x02, 0x04, 0x00]))).toBe('openpgp');
    // The new format with a two-octet length: 192 + (0xc0 - 192) * 256 + 0x00 = 192 bytes of body.
    expect(detectSignatureFormat(new Uint8Array([0xc2, 0xc0, 0x00, 0x04, ...new Array<number>(191).fill(0)]))).toBe(
      'openpgp',
    );
    expect(detectSignatureFormat(text('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}'))).toBe(
      'sigstore',
    );
    expect(detectSignatureFormat(text('MEUCIQDx0e4AbCdEf==\n'))).toBe('cosign');
    expect(detectSignatureFormat(text('{"other": 1}'))).toBeNull();
    expect(detectSignatureFormat(new Uint8Array(0))).toBeNull();
  });

  it('a lead byte alone is not an OpenPGP packet: a PNG (0x89 ...), a length past the end, an unknown version', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
    expect(detectSignatureFormat(new Uint8Array(png))).toBeNull();
    expect(detectSignatureFormat(new Uint8Array([0x88, 0x75, 0x04]))).toBeNull();
    expect(detectSignatureFormat(new Uint8Array([0x88, 0x02, 0x09, 0x00]))).toBeNull();
    expect(detectSignatureFormat(new Uint8Array([0xc2, 0xe0, 0x04]))).toBeNull();
    expect(detectMaterial(new Uint8Array(png))).toBeNull();
  });

  it('whatever the bytes, detection answers without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        detectSignatureFormat(bytes);
        detectMaterial(bytes);
      }),
      { seed: 9, numRuns: 2000 },
    );
  });

  it('a cosign signature that is not DER is refused before any cryptography', () => {
    expect(() => verifyCosign(text('x'), text('AAAAAAAA'), text(''), neverCalled)).toThrow(SignatureInputError);
  });
});

describe('hostile input', () => {
  it('any bytes give an answer or SignatureInputError, never another exception (seeded)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, asText) => {
        const input = asText
          ? text(goodSignature.slice(0, bytes.length % goodSignature.length) + b64([...bytes]))
          : bytes;
        detectSignatureFormat(input);
        for (const parse of [parseMinisignSignature, parseMinisignKey]) {
          try {
            parse(input);
          } catch (error) {
            if (!(error instanceof SignatureInputError)) throw error;
          }
        }
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });
});
