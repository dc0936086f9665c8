import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ByteWindow } from '../common/dto';
import { LEAKY_BINARY, plantedSecrets } from '../../test/secrets/planted';
import type { WorkerInput } from './messages';
import { AnalysisService } from './service';

// The real worker as built by `npm run build`, over the planted-secrets fixture; where each secret sits comes from
// searching the file's bytes for the value read from the fixture's source, not from our analysis.
const builtWorker = pathToFileURL(resolve('out/cli/worker.mjs'));
const planted = plantedSecrets();
const fileBytes = readFileSync(LEAKY_BINARY);
const dir = mkdtempSync(join(tmpdir(), 'gobinscope-kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { progress: () => undefined, partial: () => undefined };

async function analysed(service: AnalysisService, jobId: string, input: WorkerInput): Promise<void> {
  const result = await service.run({ jobId, inputs: [input] }, quiet);
  if (!result.ok) throw new Error(result.error.message);
}

function decoded(window: ByteWindow): Buffer {
  return Buffer.from(window.bytes, 'base64');
}

/** The window's bytes outside its withheld runs equal the file's; inside they are zero. */
function expectFaithful(window: ByteWindow): void {
  const bytes = decoded(window);
  const withheld = (at: number): boolean => window.masked.some((r) => at >= r.start && at < r.end);
  for (let i = 0; i < bytes.length; i++) {
    const at = window.offset + i;
    expect(bytes[i]).toBe(withheld(at) ? 0 : fileBytes[at]);
  }
}

async function expectEverySecretWithheld(service: AnalysisService, jobId: string): Promise<void> {
  let checked = 0;
  for (const { name, value } of planted) {
    const at = fileBytes.indexOf(value);
    if (at < 0) continue;
    checked++;
    // A window that starts in the middle of the secret, and one that holds it whole.
    for (const offset of [at + 3, Math.max(0, at - 100)]) {
      const read = await service.readBytes(jobId, 'analysis', offset, 512);
      if (!read.ok) throw new Error(read.error.message);
      expect(decoded(read.value).includes(Buffer.from(value.slice(4, -1))), name).toBe(false);
      expect(
        read.value.masked.some((r) => r.start <= Math.max(offset, at) && r.end > Math.max(offset, at)),
        name,
      ).toBe(true);
      expectFaithful(read.value);
    }
  }
  expect(checked).toBeGreaterThan(5);
}

describe('the bytes of an analysed file, for the hex view', () => {
  it('reads a file analysed by path around each planted secret, with the secret withheld', async () => {
    const service = new AnalysisService(builtWorker);
    await analysed(service, 'by-path', { kind: 'path', path: resolve(LEAKY_BINARY), name: 'leaky-linux-amd64' });
    await expectEverySecretWithheld(service, 'by-path');
    const head = await service.readBytes('by-path', 'analysis', 0, 16);
    expect(head.ok && decoded(head.value)).toEqual(fileBytes.subarray(0, 16));
    expect(head.ok && head.value.fileSize).toBe(fileBytes.length);
  }, 60_000);

  it('keeps an upload (handed to the worker and back) and reads it the same way', async () => {
    const service = new AnalysisService(builtWorker);
    const bytes = new Uint8Array(fileBytes);
    await analysed(service, 'upload', { kind: 'bytes', bytes, name: 'leaky-linux-amd64' });
    await expectEverySecretWithheld(service, 'upload');
  }, 60_000);

  it('refuses unknown jobs, other places, offsets past the end and a file changed since', async () => {
    const service = new AnalysisService(builtWorker);
    const copy = join(dir, 'leaky-copy');
    copyFileSync(LEAKY_BINARY, copy);
    await analysed(service, 'copy', { kind: 'path', path: copy, name: 'leaky-copy' });
    expect(await service.readBytes('nope', 'analysis', 0, 16)).toMatchObject({
      ok: false,
      error: { code: 'NOT_KEPT' },
    });
    expect(await service.readBytes('copy', 'b', 0, 16)).toMatchObject({ ok: false, error: { code: 'NOT_KEPT' } });
    const past = await service.readBytes('copy', 'analysis', fileBytes.length, 16);
    expect(past).toMatchObject({ ok: false, error: { code: 'OUT_OF_RANGE' } });
    const tail = await service.readBytes('copy', 'analysis', fileBytes.length - 4, 4096);
    expect(tail.ok && decoded(tail.value)).toEqual(fileBytes.subarray(fileBytes.length - 4));
    appendFileSync(copy, 'x');
    expect(await service.readBytes('copy', 'analysis', 0, 16)).toMatchObject({ ok: false, error: { code: 'CHANGED' } });
  }, 60_000);
});
