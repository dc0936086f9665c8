import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { connect } from 'node:net';

export interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

export interface ServeProcess {
  url: URL;
  child: ChildProcess;
}

/** `gobinscope serve` in a process of its own, so its memory can be read from /proc. */
export async function startServeProcess(files: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/gobinscope.mjs', 'serve', ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\/)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { url: new URL(url), child };
}

/** The most resident memory the process has used so far (VmHWM), in bytes. */
export function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!kib) throw new Error('no VmHWM in /proc status');
  return Number(kib[1]) * 1024;
}

/**
 * Uploads `size` bytes: `head` first, then zeros written from one shared chunk, so the sender holds almost nothing.
 * Stops sending as soon as the server answers (a refusal comes before the body is read).
 */
export function uploadZeros(base: URL, size: number, chunk: Buffer, head = Buffer.alloc(0)): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL('api/upload?name=upload', base), {
      method: 'POST',
      agent: false,
      headers: { 'Content-Length': String(size) },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString()) });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      req.write(head);
      for (let sent = head.length; sent < size && !answered && !req.destroyed; sent += chunk.length) {
        if (!req.write(chunk.subarray(0, Math.min(chunk.length, size - sent)))) await drained(req);
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
}

function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

/** Calls a channel of the contract the way the renderer does (over node:http: no client-side time limit). */
export function invoke(base: URL, channel: string, args: unknown[]): Promise<Answer> {
  const json = JSON.stringify(args);
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(`api/invoke/${channel}`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString()) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(json);
  });
}

/**
 * Sends raw requests on one connection, the next part only once the server has answered the previous one, and
 * returns everything the server wrote back before it closed (or went quiet for a second).
 */
export function rawExchange(base: URL, parts: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(base.port), '127.0.0.1');
    let reply = '';
    socket.setTimeout(1_000, () => socket.end());
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      const next = parts.shift();
      if (next !== undefined) socket.write(next);
    });
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
    socket.write(parts.shift()!);
  });
}
