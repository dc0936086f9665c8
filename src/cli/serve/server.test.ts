import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, uploadZeros } from '../../../test/serve/client';
import { startServer, type RunningServer } from './server';

// Serve mode in this process with a stand-in worker that never answers, so jobs stay running or queued for as long
// as the test needs; the pool gets one worker and a queue of one.
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-serve-'));
const worker = join(dir, 'hang.mjs');
writeFileSync(
  worker,
  `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => setInterval(() => {}, 1000));`,
);
writeFileSync(join(dir, 'index.html'), '<!doctype html>');
let server: RunningServer;
let base: URL;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    files: [],
    rendererDir: dir,
    workerUrl: pathToFileURL(worker),
    pool: { slots: 1, runningBytes: 1024, queued: 1 },
  });
  base = new URL(server.url);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve mode with a full analysis queue', () => {
  it('answers 429 past the queue, and a cancel gives the worker to the job waiting', async () => {
    const upload = async () => ((await uploadZeros(base, 8, Buffer.alloc(8))).body.value as { id: string }).id;
    const run = async (jobId: string) =>
      invoke(base, 'analysis:run', [jobId, [{ kind: 'upload', id: await upload() }]]);
    // A second run under a job id answers BUSY once the first is in the pool: that orders the three without waiting.
    const inPool = async (jobId: string) => {
      while ((await run(jobId)).body.error?.code !== 'BUSY');
    };
    const running = run('one');
    await inPool('one');
    const waiting = run('two');
    await inPool('two');
    const third = await run('three');
    expect(third).toMatchObject({ status: 429, body: { ok: false, error: { code: 'QUEUE_FULL' } } });
    expect((await invoke(base, 'analysis:cancel', ['one'])).body).toEqual({ ok: true });
    expect((await running).body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // "two" now holds the worker: cancelling it works only because it is running or waiting, not lost.
    expect((await invoke(base, 'analysis:cancel', ['two'])).body).toEqual({ ok: true });
    expect((await waiting).body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});

describe('serve mode with its upload budget full', () => {
  it('still takes the call that analyses an upload and gives its bytes back', async () => {
    const full = await startServer({
      port: 0,
      files: [],
      rendererDir: dir,
      workerUrl: pathToFileURL(worker),
      inFlightBytes: 16,
    });
    const fullBase = new URL(full.url);
    try {
      const held = await uploadZeros(fullBase, 16, Buffer.alloc(16));
      expect(held.status).toBe(200);
      expect((await uploadZeros(fullBase, 1, Buffer.alloc(1))).status).toBe(429);
      const source = { kind: 'upload', id: (held.body.value as { id: string }).id };
      const running = invoke(fullBase, 'analysis:run', ['held', [source]]);
      // The stand-in worker never answers: cancelling ends the job, and the 16 bytes are free again.
      while ((await invoke(fullBase, 'analysis:cancel', ['held'])).body.ok !== true);
      expect((await running).body).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect((await uploadZeros(fullBase, 16, Buffer.alloc(16))).status).toBe(200);
    } finally {
      await full.close();
    }
  });
});
