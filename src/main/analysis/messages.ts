import type { AnalysisStage, Outcome } from '../../common/dto';
import type { Result } from '../../common/result';
import type { Report } from '../../core/report/types';

/** One file for a worker: a path it reads read-only, or bytes it was handed (uploads). */
export type WorkerInput =
  { kind: 'path'; path: string; name: string } | { kind: 'bytes'; bytes: Uint8Array; name: string };

/** What the service asks a worker to do: open one or two files. */
export interface WorkerRequest {
  jobId: string;
  inputs: WorkerInput[];
  /** The vulnerability database to match against (a zip, a folder or a stored index), read by the worker. */
  vulnDb?: string | null;
}

/** What a worker reports back; exactly one 'done' ends a job. */
export type WorkerMessage =
  | { type: 'progress'; jobId: string; stage: AnalysisStage; fraction: number; fileSize: number }
  | { type: 'partial'; jobId: string; report: Partial<Report> }
  | { type: 'done'; jobId: string; result: Result<Outcome> };
