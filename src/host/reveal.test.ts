import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LEAKY_BINARY, plantedSecrets } from '../../test/secrets/planted';
import { AnalysisService, REVEALABLE_JOBS } from './service';

// The real worker as built by `npm run build`, over the planted-secrets fixture.
const builtWorker = pathToFileURL(resolve('out/cli/worker.mjs'));
const planted = plantedSecrets();
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-reveal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function inClear(data: unknown): string[] {
  const text = JSON.stringify(data);
  return planted.filter((p) => text.includes(p.value)).map((p) => p.name);
}

describe('what the analysis service hands a window', () => {
  it('holds no planted value in clear; the host reveals one masked text on request', async () => {
    const service = new AnalysisService(builtWorker);
    const partials: unknown[] = [];
    const result = await service.run(
      { jobId: 'leaky', inputs: [{ kind: 'path', path: resolve(LEAKY_BINARY), name: 'leaky-linux-amd64' }] },
      { progress: () => undefined, partial: (p) => partials.push(p) },
    );
    expect(partials.length).toBeGreaterThan(0);
    expect(inClear(partials)).toEqual([]);
    expect(inClear(result)).toEqual([]);
    if (!result.ok || result.value.kind !== 'binary') throw new Error('expected a binary outcome');
    const settings = result.value.analysis.report.go!.buildInfo!.settings;
    const index = settings.findIndex((s) => s.key === '-ldflags');
    const revealed = service.reveal('leaky', `analysis/report/go/buildInfo/settings/${index}/value`);
    const token = planted.find((p) => p.name === 'apiToken')!.value;
    expect(revealed.ok && revealed.value).toContain(`main.apiToken=${token}`);
    expect(service.reveal('leaky', 'analysis/report/file/name')).toMatchObject({
      ok: false,
      error: { code: 'NOT_REVEALABLE' },
    });
    expect(service.reveal('other-job', 'analysis/strings/0/value').ok).toBe(false);
  });

  it(`keeps the clear texts of the last ${REVEALABLE_JOBS} jobs only`, async () => {
    const stub = join(dir, 'stub.mjs');
    writeFileSync(
      stub,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (m) => parentPort.postMessage({ type: 'done', jobId: m.jobId,
         result: { ok: true, value: 'masked' }, clear: [['analysis/x', 'clear ' + m.jobId]] }));`,
    );
    const service = new AnalysisService(pathToFileURL(stub));
    const quiet = { progress: () => undefined, partial: () => undefined };
    for (let i = 0; i <= REVEALABLE_JOBS; i++)
      await service.run({ jobId: `j${i}`, inputs: [{ kind: 'path', path: '/x', name: 'x' }] }, quiet);
    expect(service.reveal('j0', 'analysis/x').ok).toBe(false);
    expect(service.reveal(`j${REVEALABLE_JOBS}`, 'analysis/x')).toEqual({
      ok: true,
      value: `clear j${REVEALABLE_JOBS}`,
    });
  });
});
