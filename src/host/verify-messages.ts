import type { Result } from '../common/result';
import type { VerificationResult, VerifyRequest } from '../common/verify';
import type { WorkerInput } from './messages';

/** Which file of a verification an input is. */
export type MaterialRole = keyof VerifyRequest;

/** What the service hands a verification worker: each file by its role, read there (paths) or handed over (uploads). */
export interface VerifyWorkerRequest {
  inputs: { role: MaterialRole; input: WorkerInput }[];
}

/** The one message a verification worker sends back. */
export interface VerifyWorkerReply {
  result: Result<VerificationResult>;
}
