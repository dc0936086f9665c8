import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IN_FLIGHT_BYTES, MAX_UPLOAD_BYTES } from '../../src/cli/serve/limits';
import { MAX_UPLOADS } from '../../src/host/limits';
import { invoke, peakRss, rawExchange, startServeProcess, uploadZeros, type Answer, type ServeProcess } from './client';

// Serve mode under load, as a separate process (the built CLI, `npm run build` first), on 127.0.0.1 only. The
// expected statuses follow from the limits: uploads are held until analysed, so of N concurrent uploads exactly as
// many are accepted as fit in MAX_IN_FLIGHT_BYTES (and MAX_UPLOADS), whatever order they arrive in.
const MiB = 1024 * 1024;
const UPLOAD = 100 * MiB;
const CONCURRENT = 50;
const ACCEPTED = Math.min(Math.floor(MAX_IN_FLIGHT_BYTES / UPLOAD), MAX_UPLOADS);
/** The brief this mode was built to: 50 uploads of 100 MiB at once stay under 2 GiB resident. */
const RSS_CEILING = 2 * 1024 * MiB;
const FIXTURE = 'test/fixtures/bin/linux-amd64';

let served: ServeProcess;
beforeAll(async () => {
  served = await startServeProcess();
});
afterAll(() => {
  served?.child.kill();
});

describe('serve mode holds its memory', () => {
  const accepted: string[] = [];

  it(`accepts ${ACCEPTED} of ${CONCURRENT} concurrent 100 MiB uploads, refuses the rest with 429, stays under 2 GiB`, async () => {
    const chunk = Buffer.alloc(MiB);
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => uploadZeros(served.url, UPLOAD, chunk)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(ACCEPTED);
    expect(statuses.filter((status) => status === 429)).toHaveLength(CONCURRENT - ACCEPTED);
    const refusal = answers.find((answer) => answer.status === 429)!;
    expect(refusal.body).toMatchObject({ ok: false, error: { code: 'TOO_MANY_IN_FLIGHT' } });
    expect(refusal.body.error!.message).toMatch(/^The server already holds \d+ MiB of files waiting for analysis/);
    for (const answer of answers) if (answer.status === 200) accepted.push((answer.body.value as { id: string }).id);
    const peak = peakRss(served.child.pid!);
    console.log(`serve peak RSS after ${CONCURRENT} x 100 MiB uploads: ${(peak / MiB).toFixed(0)} MiB`);
    // At least what it accepted (the uploads are really held), and under the ceiling.
    expect(peak).toBeGreaterThan(ACCEPTED * UPLOAD);
    expect(peak).toBeLessThan(RSS_CEILING);
  }, 60_000);

  it('keeps answering, and refuses a body over the per-file cap with 413 before reading it', async () => {
    expect(await invoke(served.url, 'app:info', [])).toMatchObject({ status: 200, body: { transport: 'http' } });
    const tooBig = await uploadZeros(served.url, MAX_UPLOAD_BYTES + 1, Buffer.alloc(MiB));
    expect(tooBig).toMatchObject({ status: 413, body: { ok: false, error: { code: 'TOO_LARGE' } } });
  });

  it('gives an upload its bytes back once its analysis ends, failed or done, so another fits', async () => {
    // Zeros are no executable: this analysis fails, and must still release its 100 MiB.
    const failed = await invoke(served.url, 'analysis:run', ['job-1', [{ kind: 'upload', id: accepted[0] }]]);
    expect(failed.status).toBe(200);
    const chunk = Buffer.alloc(MiB);
    // A real executable followed by zeros to 100 MiB: the report must give the size that was sent.
    const binary = await uploadZeros(served.url, UPLOAD, chunk, readFileSync(FIXTURE));
    expect(binary.status).toBe(200);
    expect((await uploadZeros(served.url, UPLOAD, chunk)).status).toBe(429);
    const id = (binary.body.value as { id: string }).id;
    const analysed = await invoke(served.url, 'analysis:run', ['job-2', [{ kind: 'upload', id }]]);
    expect(analysed.body).toMatchObject({ ok: true, value: { kind: 'binary' } });
    expect(reportOf(analysed)).toMatchObject({ format: 'elf', file: { name: 'upload', size: UPLOAD } });
    expect((await uploadZeros(served.url, UPLOAD, chunk)).status).toBe(200);
  }, 30_000);

  it('refuses a request with two Host headers', async () => {
    const host = `127.0.0.1:${served.url.port}`;
    const reply = await rawExchange(served.url, [
      `GET ${served.url.pathname} HTTP/1.1\r\nHost: ${host}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    ]);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('exactly one Host header');
  });

  it('never reads more than the declared length into an upload', async () => {
    // Free a place first: the budget is full of the uploads above.
    await invoke(served.url, 'analysis:run', ['job-3', [{ kind: 'upload', id: accepted[1] }]]);
    const host = `127.0.0.1:${served.url.port}`;
    const head = `POST ${served.url.pathname}api/upload?name=four HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 4\r\n\r\n`;
    // The 4 declared bytes make the upload; what follows on the connection is not a request, and is refused.
    const reply = await rawExchange(served.url, [`${head}abcd`, 'EXTRA BYTES\r\n\r\n']);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toMatch(/HTTP\/1\.1 400 /);
    const id = /"id":"([^"]+)"/.exec(reply)![1]!;
    const analysed = await invoke(served.url, 'analysis:run', ['job-4', [{ kind: 'upload', id }]]);
    expect(reportOf(analysed)).toMatchObject({ file: { name: 'four', size: 4 } });
  });
});

function reportOf(answer: Answer): unknown {
  return (answer.body.value as { analysis: { report: unknown } }).analysis.report;
}
