import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest } from './messages';
import { AnalysisService } from './service';

// The real worker as built by `npm run build` (the bundle the CLI and serve mode use).
const builtWorker = resolve('out/cli/worker.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-svc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { progress: () => undefined, partial: () => undefined };

// A stand-in worker: exits hard on "crash", never answers "hang", echoes the name otherwise; it exercises the pool,
// not the analysis.
const standIn = join(dir, 'stand-in.mjs');
writeFileSync(
  standIn,
  `import { parentPort } from 'node:worker_threads';
   parentPort.on('message', (m) => {
     const name = m.inputs[0].name;
     if (name === 'crash') process.exit(7);
     if (name === 'hang') return setInterval(() => undefined, 1000);
     parentPort.postMessage({ type: 'done', jobId: m.jobId, result: { ok: true, value: name } });
   });`,
);
const job = (jobId: string, name: string, release?: () => void): WorkerRequest => ({
  jobId,
  inputs: [{ kind: 'bytes', bytes: new Uint8Array(10), name }],
  release,
});

describe('AnalysisService with a stand-in worker', () => {
  it('turns a crash into an error result and keeps serving the next job', async () => {
    const service = new AnalysisService(pathToFileURL(standIn));
    const crashed = await service.run(job('a', 'crash'), quiet);
    expect(crashed).toMatchObject({ ok: false, error: { code: 'WORKER_CRASHED' } });
    const next = await service.run(job('b', 'fine'), quiet);
    expect(next).toEqual({ ok: true, value: 'fine' });
  });

  it('queues jobs beyond its workers, and a cancelled job gives its worker to the next', async () => {
    const service = new AnalysisService(pathToFileURL(standIn), { slots: 1, runningBytes: 1000, queued: 4 });
    const released: string[] = [];
    const hanging = service.run(
      job('hang', 'hang', () => released.push('hang')),
      quiet,
    );
    const waiting = service.run(
      job('next', 'next', () => released.push('next')),
      quiet,
    );
    await vi.waitFor(() => expect(service.counts).toEqual({ running: 1, waiting: 1, heldBytes: 10 }));
    expect(service.cancel('hang')).toBe(true);
    expect(await hanging).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await waiting).toEqual({ ok: true, value: 'next' });
    expect(released).toEqual(['hang', 'next']);
    await vi.waitFor(() => expect(service.counts).toEqual({ running: 0, waiting: 0, heldBytes: 0 }));
  });

  it('refuses a job when the queue is full, and cancels a waiting job without running it', async () => {
    const service = new AnalysisService(pathToFileURL(standIn), { slots: 1, runningBytes: 1000, queued: 1 });
    const released: string[] = [];
    const hanging = service.run(job('hang', 'hang'), quiet);
    const waiting = service.run(
      job('wait', 'crash', () => released.push('wait')),
      quiet,
    );
    await vi.waitFor(() => expect(service.counts.waiting).toBe(1));
    const refused = await service.run(
      job('extra', 'fine', () => released.push('extra')),
      quiet,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'QUEUE_FULL' } });
    expect(service.cancel('wait')).toBe(true);
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(released).toEqual(['extra', 'wait']);
    expect(service.counts).toEqual({ running: 1, waiting: 0, heldBytes: 10 });
    await service.dispose();
    expect(await hanging).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('refuses a job id that is already running and still releases what the refused job held', async () => {
    const service = new AnalysisService(pathToFileURL(standIn));
    const hanging = service.run(job('same', 'hang'), quiet);
    let released = 0;
    const twice = await service.run(
      job('same', 'fine', () => released++),
      quiet,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(released).toBe(1);
    service.cancel('same');
    await hanging;
  });
});

describe('AnalysisService with the real worker', () => {
  it('is built (npm run build runs before the unit tests in npm test)', () => {
    expect(existsSync(builtWorker)).toBe(true);
  });

  it('analyses a fixture off the main thread with progress', async () => {
    const service = new AnalysisService(pathToFileURL(builtWorker));
    const stages: string[] = [];
    const result = await service.run(
      {
        jobId: 'real',
        inputs: [{ kind: 'path', path: resolve('test/fixtures/bin/linux-amd64'), name: 'linux-amd64' }],
      },
      { progress: (p) => stages.push(p.stage), partial: () => undefined },
    );
    expect(result.ok && result.value.kind === 'binary' && result.value.analysis.report.format).toBe('elf');
    expect(stages).toContain('format');
    expect(stages.at(-1)).toBe('done');
  });

  it('cancels a running job', async () => {
    const service = new AnalysisService(pathToFileURL(builtWorker));
    const running = service.run(
      { jobId: 'c', inputs: [{ kind: 'path', path: resolve('test/fixtures/bin/linux-amd64'), name: 'x' }] },
      quiet,
    );
    expect(service.cancel('c')).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('reports a directory as data, not a crash', async () => {
    const service = new AnalysisService(pathToFileURL(builtWorker));
    const result = await service.run({ jobId: 'd', inputs: [{ kind: 'path', path: dir, name: 'dir' }] }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'EISDIR' } });
  });
});
