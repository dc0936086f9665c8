import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisService } from './service';

// The real worker as built by `npm run build` (the bundle the CLI and serve mode use).
const builtWorker = resolve('out/cli/worker.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-svc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { progress: () => undefined, partial: () => undefined };

describe('AnalysisService with a worker that crashes', () => {
  // A stand-in worker: exits hard on "crash", answers otherwise; it exercises the service, not the analysis.
  const crashy = join(dir, 'crashy.mjs');
  writeFileSync(
    crashy,
    `import { parentPort } from 'node:worker_threads';
     parentPort.on('message', (m) => m.inputs[0].name === 'crash' ? process.exit(7)
       : parentPort.postMessage({ type: 'done', jobId: m.jobId, result: { ok: true, value: m.inputs[0].name } }));`,
  );

  it('turns a crash into an error result and keeps serving the next job', async () => {
    const service = new AnalysisService(pathToFileURL(crashy));
    const crashed = await service.run({ jobId: 'a', inputs: [{ kind: 'path', path: '/x', name: 'crash' }] }, quiet);
    expect(crashed).toMatchObject({ ok: false, error: { code: 'WORKER_CRASHED' } });
    const next = await service.run({ jobId: 'b', inputs: [{ kind: 'path', path: '/x', name: 'fine' }] }, quiet);
    expect(next).toEqual({ ok: true, value: 'fine' });
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
