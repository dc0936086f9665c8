import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteBudget, receiveBody } from './body';

/** A request as the body reader sees it: headers and a stream of chunks (or a stream that breaks off). */
function request(headers: Record<string, string>, chunks: string[], breaks = false): IncomingMessage {
  const stream = new Readable({
    read() {
      const next = chunks.shift();
      if (next !== undefined) this.push(Buffer.from(next));
      else if (breaks) this.destroy(new Error('aborted'));
      else this.push(null);
    },
  });
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
}

describe('ByteBudget', () => {
  it('reserves up to its limit and takes each reservation back once', () => {
    const budget = new ByteBudget(10);
    const first = budget.reserve(6);
    expect(budget.reserve(5)).toBeNull();
    const second = budget.reserve(4);
    expect(budget.held).toBe(10);
    first!();
    first!();
    expect(budget.held).toBe(4);
    second!();
    expect(budget.held).toBe(0);
  });
});

describe('receiveBody', () => {
  it('fills one buffer of the declared length and holds it in the budget until released', async () => {
    const budget = new ByteBudget(100);
    const body = await receiveBody(request({ 'content-length': '11' }, ['hello', ' ', 'world']), 50, budget);
    expect(body.ok && Buffer.from(body.bytes).toString()).toBe('hello world');
    expect(body.ok && body.bytes.buffer.byteLength).toBe(11);
    expect(budget.held).toBe(11);
    if (body.ok) body.release();
    expect(budget.held).toBe(0);
  });

  it('refuses an unknown length, a body over the limit and one the budget cannot hold, without reading', async () => {
    const budget = new ByteBudget(100);
    const chunked = await receiveBody(request({ 'transfer-encoding': 'chunked' }, ['x']), 50, budget);
    expect(chunked).toMatchObject({ ok: false, status: 411 });
    const big = await receiveBody(request({ 'content-length': '51' }, ['x']), 50, budget);
    expect(big).toMatchObject({ ok: false, status: 413, code: 'TOO_LARGE' });
    const hold = budget.reserve(60);
    const full = await receiveBody(request({ 'content-length': '41' }, ['x']), 50, budget);
    expect(full).toMatchObject({ ok: false, status: 429, code: 'TOO_MANY_IN_FLIGHT' });
    expect(!full.ok && full.message).toMatch(/already holds 1 MiB of files waiting for analysis/);
    hold!();
    expect(budget.held).toBe(0);
  });

  it('treats a request with neither length nor encoding as an empty body', async () => {
    const body = await receiveBody(request({}, []), 50, new ByteBudget(100));
    expect(body.ok && body.bytes.length).toBe(0);
  });

  it('fails a body longer or shorter than declared, or cut off, and gives its bytes back', async () => {
    const budget = new ByteBudget(100);
    const long = await receiveBody(request({ 'content-length': '3' }, ['ab', 'cd']), 50, budget);
    expect(long).toMatchObject({ ok: false, status: 400, code: 'TOO_LONG' });
    const short = await receiveBody(request({ 'content-length': '5' }, ['ab']), 50, budget);
    expect(short).toMatchObject({ ok: false, status: 400, code: 'INCOMPLETE' });
    const cut = await receiveBody(request({ 'content-length': '5' }, ['ab'], true), 50, budget);
    expect(cut).toMatchObject({ ok: false, status: 400, code: 'ABORTED' });
    expect(budget.held).toBe(0);
  });

  it('refuses a malformed Content-Length', async () => {
    const body = await receiveBody(request({ 'content-length': '-1' }, []), 50, new ByteBudget(100));
    expect(body).toMatchObject({ ok: false, status: 411 });
  });
});
