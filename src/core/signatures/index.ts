export { verifyCosign, publicKeySpki } from './cosign';
export { detectSignatureFormat } from './detect';
export { verifyMinisign } from './minisign';
export type { SignatureCrypto, SignatureFormat, VerifyOutcome } from './types';
export { SignatureInputError } from './types';
export { findStringSlot, slotContents, withSlotZeroed } from './slot';
export type { StringSlot } from './slot';
export { compareGoSum, parseGoSum } from './gosum';
export type { GoSumComparison, SumCheck } from './gosum';
