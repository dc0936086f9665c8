import { createHash } from 'node:crypto';
import { parseExecutable } from '../../core/formats/detect';
import { readBuildInfo } from '../../core/go/buildinfo';
import { compareGoSum, type GoSumComparison } from '../../core/signatures/gosum';
import {
  detectSignatureFormat,
  publicKeySpki,
  verifyCosign,
  verifyMinisign,
  SignatureInputError,
  type VerifyOutcome,
} from '../../core/signatures/index';
import type { VerificationResult } from '../../common/verify';
import { fail, ok, type Result } from '../../common/result';
import { nodeSignatureCrypto, verifyOpenPgp, verifySigstore } from './backends';

/**
 * The one dispatch from a detached signature to its check, shared by `gobinscope verify` and the app's worker.
 * Material that cannot be read as a signature or key (or a key that is missing) is a SignatureInputError.
 */
export async function verifySignature(
  file: Uint8Array,
  signature: Uint8Array,
  key: Uint8Array | null,
  trustedRoot: Uint8Array | null,
): Promise<VerifyOutcome> {
  const format = detectSignatureFormat(signature);
  if (format === null)
    throw new SignatureInputError('the signature is none of minisign, cosign (base64), OpenPGP or a Sigstore bundle');
  if (format === 'sigstore') return withEcdsaFingerprint(verifySigstore(file, signature, key, trustedRoot), key);
  if (key === null)
    throw new SignatureInputError(`a ${format} signature is checked against its public key: add the key`);
  if (format === 'minisign') return verifyMinisign(file, signature, key, nodeSignatureCrypto);
  if (format === 'cosign') return withEcdsaFingerprint(verifyCosign(file, signature, key, nodeSignatureCrypto), key);
  return verifyOpenPgp(file, signature, key);
}

/**
 * ECDSA keys carry no id: the SHA-256 of the key's DER lets the user compare it with the one the project publishes.
 * Only for a signature the key made: after a mismatch it would name a key that signed nothing here.
 */
function withEcdsaFingerprint(outcome: VerifyOutcome, key: Uint8Array | null): VerifyOutcome {
  if (key === null || !outcome.verified) return outcome;
  const fingerprint = createHash('sha256').update(publicKeySpki(key)).digest('hex');
  return { ...outcome, fingerprint };
}

/** The build info's h1: sums against a go.sum, the build info read straight from the bytes (no full analysis). */
export function checkGoSumBytes(file: Uint8Array, goSum: Uint8Array): GoSumComparison {
  let exe = null;
  try {
    exe = parseExecutable(file)?.exes[0] ?? null;
  } catch {
    // A damaged header still leaves the module text to be carved from the bytes.
  }
  const build = readBuildInfo(exe, file);
  if (!build) throw new SignatureInputError('the file has no Go build info to compare with go.sum');
  return compareGoSum(build.info, new TextDecoder().decode(goSum));
}

/** Bad material becomes an error result with its sentence; anything else thrown is our bug and goes on up. */
async function checked<T>(what: string, run: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof SignatureInputError) return fail('BAD_MATERIAL', `${what}: ${error.message}`);
    throw error;
  }
}

export interface VerifyMaterial {
  file: Uint8Array;
  signature: Uint8Array | null;
  key: Uint8Array | null;
  trustedRoot: Uint8Array | null;
  goSum: Uint8Array | null;
}

/** Everything the app asked about one file, each part answered on its own so one bad file spoils only its part. */
export async function verifyMaterial(material: VerifyMaterial): Promise<VerificationResult> {
  const { file, signature, key, trustedRoot, goSum } = material;
  return {
    fileSha256: createHash('sha256').update(file).digest('hex'),
    signature:
      signature === null
        ? null
        : await checked('The signature could not be checked', () => verifySignature(file, signature, key, trustedRoot)),
    goSum:
      goSum === null ? null : await checked('The go.sum could not be compared', () => checkGoSumBytes(file, goSum)),
  };
}
