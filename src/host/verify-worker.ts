import { parentPort } from 'node:worker_threads';
import { fail, ok, type Result } from '../common/result';
import { verifyMaterial, type VerifyMaterial } from './signatures/verify';
import type { WorkerInput } from './messages';
import { readInputFile } from './read-file';
import type { VerifyWorkerReply, VerifyWorkerRequest } from './verify-messages';

// Hashing a large binary (BLAKE2b, SHA-256) takes a while: it runs here, never on the window's or server's thread.
const port = parentPort;
if (!port) throw new Error('verify-worker.ts must run in a worker thread');

async function load(input: WorkerInput): Promise<Result<Uint8Array>> {
  if (input.kind === 'bytes') return ok(input.bytes);
  const read = await readInputFile(input.path);
  // A module without dependencies has an empty go.sum: sound material, not a failed read.
  if (!read.ok && read.error.code === 'EMPTY') return ok(new Uint8Array(0));
  return read;
}

async function run(request: VerifyWorkerRequest): Promise<VerifyWorkerReply> {
  const material: VerifyMaterial = {
    file: new Uint8Array(0),
    signature: null,
    key: null,
    trustedRoot: null,
    goSum: null,
  };
  for (const { role, input } of request.inputs) {
    const read = await load(input);
    if (!read.ok) return { result: fail(read.error.code, read.error.message) };
    material[role] = read.value;
  }
  if (material.file.length === 0) return { result: fail('EMPTY', 'The file to verify is empty.') };
  return { result: ok(await verifyMaterial(material)) };
}

port.on('message', (request: VerifyWorkerRequest) => {
  run(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      const result = fail(
        'INTERNAL',
        'The check failed because of a bug in Gobinscope; the details say where.',
        detail,
      );
      port.postMessage({ result } satisfies VerifyWorkerReply);
    },
  );
});
