import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invoke, peakRss, startServeProcess, type ServeProcess } from './client';

// Three analyses of 2 GiB − 1 byte files at once in serve mode, the pool's byte budget keeping them from running
// side by side. Minutes of work and gigabytes of memory, so it runs only when asked: GOBINSCOPE_BIG_ANALYSES=1.
const enabled = process.env['GOBINSCOPE_BIG_ANALYSES'] === '1';
const GiB = 1024 ** 3;
const SIZE = 2 * GiB - 1;
/** One analysis of a file this size peaked at 4.3 GB in `gobinscope analyze`; three at once took 11 GB before. */
const RSS_CEILING = 6 * GiB;

describe.runIf(enabled)('serve mode with three 2 GiB analyses at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-big-'));
  let served: ServeProcess | undefined;
  afterAll(() => {
    served?.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses all three to their full size and stays under the ceiling', async () => {
    // A real executable followed by zeros (sparse on disk): the format readers see an ELF with a long overlay.
    const files = ['a', 'b', 'c'].map((name) => join(dir, name));
    for (const file of files) {
      copyFileSync('test/fixtures/bin/linux-amd64', file);
      execFileSync('truncate', ['-s', String(SIZE), file]);
    }
    served = await startServeProcess(files);
    const initial = (await invoke(served.url, 'files:initial', [])).body.value as { source: unknown }[];
    const started = Date.now();
    const results = await Promise.all(
      initial.map(async (file, i) => {
        const result = await invoke(served!.url, 'analysis:run', [`big-${i}`, [file.source]]);
        console.log(`big-${i} done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
        return result;
      }),
    );
    for (const result of results) {
      const report = (result.body.value as { analysis: { report: { file: { size: number } } } }).analysis.report;
      expect(report.file.size).toBe(SIZE);
    }
    const peak = peakRss(served.child.pid!);
    console.log(`serve peak RSS with three 2 GiB analyses: ${(peak / GiB).toFixed(2)} GiB`);
    expect(peak).toBeLessThan(RSS_CEILING);
  }, 600_000);
});
