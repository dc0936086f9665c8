import { parentPort } from 'node:worker_threads';
import { fail, ok } from '../../common/result';
import { analyze } from '../../core/analyze';
import type { WorkerMessage, WorkerRequest } from './messages';
import { readInputFile } from './read-file';

// Runs one analysis at a time off the main thread. The service terminates the worker to cancel.
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

async function run(request: WorkerRequest): Promise<void> {
  const { jobId, name } = request;
  let bytes: Uint8Array;
  if (request.type === 'analyze-path') {
    post({ type: 'progress', jobId, stage: 'reading', fraction: 0, fileSize: 0 });
    const read = await readInputFile(request.path);
    if (!read.ok) return post({ type: 'done', jobId, result: read });
    bytes = read.value;
  } else {
    bytes = request.bytes;
  }
  const fileSize = bytes.length;
  const analysis = await analyze(bytes, {
    fileName: name,
    onProgress: (stage, fraction) => post({ type: 'progress', jobId, stage, fraction, fileSize }),
    onPartial: (report) => post({ type: 'partial', jobId, report }),
  });
  post({ type: 'done', jobId, result: ok(analysis) });
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
