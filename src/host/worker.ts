import { parentPort } from 'node:worker_threads';
import { fail, ok, type Result } from '../common/result';
import { maskUnits, redactOutcome, reportSecrets, sbomSecrets, shownPartial } from '../core/redact/index';
import { InputProblem, openInputs, type NamedInput } from '../core/workbench';
import type { WorkerInput, WorkerMessage, WorkerRequest } from './messages';
import { sha256InPlace } from './digest';
import { readInputFile } from './read-file';
import { readVulnDb } from './vulndb-store';
import type { VulnIndex } from '../core/vulns/db';

// Runs one job at a time off the main thread. The service terminates the worker to cancel.
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}

/** What the redaction masks in each analysis of the outcome: the host blanks these in raw bytes too. */
function secretUnits(outcome: Awaited<ReturnType<typeof openInputs>>): string[] {
  const analyses =
    outcome.kind === 'compare' ? [outcome.a, outcome.b] : outcome.kind === 'sbom' ? [] : [outcome.analysis];
  const fromSbom = outcome.kind === 'reconcile' ? sbomSecrets(outcome.document.sbom) : [];
  return [...maskUnits([...fromSbom, ...analyses.flatMap((a) => [...(a.secrets ?? []), ...reportSecrets(a.report)])])];
}

async function load(input: WorkerInput): Promise<Result<NamedInput>> {
  if (input.kind === 'bytes') return ok({ name: input.name, bytes: input.bytes });
  const read = await readInputFile(input.path);
  return read.ok ? ok({ name: input.name, bytes: read.value }) : read;
}

/** The database for this job; one that cannot be read leaves the analysis without matches (the tab says so). */
async function vulnIndexOf(path: string | null | undefined): Promise<VulnIndex | null> {
  if (!path) return null;
  return readVulnDb(path).catch(() => null);
}

async function run({ jobId, inputs, vulnDb }: WorkerRequest): Promise<void> {
  post({ type: 'progress', jobId, stage: 'reading', fraction: 0, fileSize: 0 });
  const loaded: NamedInput[] = [];
  for (const input of inputs) {
    const result = await load(input);
    if (!result.ok) return post({ type: 'done', jobId, result });
    loaded.push(result.value);
  }
  const fileSize = loaded.reduce((sum, f) => sum + f.bytes.length, 0);
  const vulnIndex = await vulnIndexOf(vulnDb);
  try {
    const outcome = await openInputs(loaded, {
      vulnIndex,
      digest: sha256InPlace,
      onProgress: (stage, fraction) => post({ type: 'progress', jobId, stage, fraction, fileSize }),
      onPartial: (report) => post({ type: 'partial', jobId, report: shownPartial(report) }),
    });
    // Secrets are masked here, before anything reaches a window; the host keeps the clear texts to reveal one.
    const shown = redactOutcome(outcome);
    // Uploads go back to the host for the hex view; they were handed over, so the host has no copy of its own.
    const uploads = inputs.map((input, i) => (input.kind === 'bytes' ? loaded[i]!.bytes : null));
    const transfer = uploads.flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []));
    const units = secretUnits(outcome);
    post({ type: 'done', jobId, result: ok(shown.outcome), clear: [...shown.clear], units, uploads }, transfer);
  } catch (error) {
    if (!(error instanceof InputProblem)) throw error;
    post({ type: 'done', jobId, result: fail(error.code, error.message) });
  }
}

port.on('message', (request: WorkerRequest) => {
  run(request).catch((error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    post({
      type: 'done',
      jobId: request.jobId,
      result: fail('INTERNAL', 'The analysis failed because of a bug in Gobinscope; the details say where.', detail),
    });
  });
});
