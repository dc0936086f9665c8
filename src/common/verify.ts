import type { GoSumComparison } from '../core/signatures/gosum';
import type { VerifyOutcome } from '../core/signatures/types';
import type { FileSource } from './dto';
import type { Result } from './result';

/**
 * One offline check of an opened binary: its detached signature with the public key (or a Sigstore trusted root),
 * and/or the release's go.sum. Every file is one the user dropped, picked or named; none is written.
 */
export interface VerifyRequest {
  file: FileSource;
  signature: FileSource | null;
  key: FileSource | null;
  trustedRoot: FileSource | null;
  goSum: FileSource | null;
}

/**
 * What the check found. A part is an error (with a sentence) when its material could not be read as what it was
 * taken for; `fileSha256` names the bytes checked, so a window can tell when the file changed since it was analysed.
 */
export interface VerificationResult {
  fileSha256: string;
  signature: Result<VerifyOutcome> | null;
  goSum: Result<GoSumComparison> | null;
}
