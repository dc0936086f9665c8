import { createHash } from 'node:crypto';
import { type Transform, pipeline } from 'node:stream';
import * as zlib from 'node:zlib';
import { EXECUTABLE_HEAD_BYTES, looksExecutable } from '../core/container/executable';
import { LayerMerge, normalizeEntryPath } from '../core/container/layers';
import { TarParser, collectInto, type EntrySink, type EntryVisitor, type TarEntry } from '../core/container/tar';
import { FormatError } from '../core/io/errors';
import type { ArchiveIndex, ArchiveMember } from './batch-archive';

/** What a layer's stored bytes are, by their magic: OCI allows gzip and zstd, Docker stores plain tars. */
function decoderFor(head: Uint8Array): Transform | null | 'zstd-unsupported' {
  if (head[0] === 0x1f && head[1] === 0x8b) return zlib.createGunzip();
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) {
    // Node 22.15 added zstd to zlib; Node 20 has none.
    const zstd = (zlib as unknown as { createZstdDecompress?: () => Transform }).createZstdDecompress;
    return zstd ? zstd() : 'zstd-unsupported';
  }
  return null;
}

export interface LayerPass {
  /** sha256 of the layer as stored and, when it was compressed, of the tar inside. */
  storedDigest: string;
  tarDigest: string;
}

/**
 * Streams one layer through the tar reader: stored bytes → (gunzip) → TarParser, with bounded buffers; `between`
 * runs after each chunk, so the caller can hold the stream back while the analyses catch up. Never written to disk.
 */
export async function streamLayer(
  archive: ArchiveIndex,
  member: ArchiveMember,
  visitor: EntryVisitor,
  between: () => Promise<void> = async () => undefined,
): Promise<LayerPass> {
  const stored = createHash('sha256');
  const inner = createHash('sha256');
  const parser = new TarParser(visitor);
  if (member.size > 0) {
    const decoder = decoderFor(await archive.readAt(member.offset, Math.min(4, member.size)));
    if (decoder === 'zstd-unsupported')
      throw new FormatError(0, 'the layer is zstd-compressed, which this Node.js cannot decompress (Node 22.15+ can)');
    const source = archive.stream(member);
    // Piping reads by 'data' events: one more listener sees the stored bytes for their digest.
    if (decoder) source.on('data', (chunk: Uint8Array) => stored.update(chunk));
    const chunks: AsyncIterable<unknown> = decoder ? pipeline(source, decoder, () => undefined) : source;
    try {
      for await (const chunk of chunks) {
        const bytes = chunk as Uint8Array;
        inner.update(bytes);
        if (!decoder) stored.update(bytes);
        if (!parser.ended) parser.write(bytes);
        await between();
      }
    } catch (error) {
      throw damagedStream(error, parser.offset);
    }
  }
  parser.end();
  return { storedDigest: `sha256:${stored.digest('hex')}`, tarDigest: `sha256:${inner.digest('hex')}` };
}

/** zlib's errors on corrupt input (Z_DATA_ERROR, Z_BUF_ERROR for a cut stream) are bad input, not our bug. */
function damagedStream(error: unknown, offset: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_'))
    return new FormatError(offset, `the layer's compressed data is damaged (${(error as Error).message})`);
  return error;
}

/** A sink that keeps the first bytes of an entry to judge whether it is an executable. */
function headSink(done: (executable: boolean) => void): EntrySink {
  const head = new Uint8Array(EXECUTABLE_HEAD_BYTES);
  let filled = 0;
  return {
    data(chunk) {
      if (filled >= head.length) return;
      const take = Math.min(head.length - filled, chunk.length);
      head.set(chunk.subarray(0, take), filled);
      filled += take;
    },
    end: () => done(looksExecutable(head.subarray(0, filled))),
  };
}

/** First pass over one layer: every entry into the merge, regular files judged by their head bytes. */
export function mergeVisitor(merge: LayerMerge, refused: (entry: TarEntry) => void): EntryVisitor {
  return (entry) => {
    const path = normalizeEntryPath(entry.name);
    if (path === null) {
      refused(entry);
      return null;
    }
    if (path === '') return null;
    const base = { path, type: entry.type, headerOffset: entry.headerOffset, size: entry.size };
    if (entry.type !== 'file' || entry.size === 0) {
      merge.add({ ...base, executable: false });
      return null;
    }
    return headSink((executable) => merge.add({ ...base, executable }));
  };
}

/** Second pass: the bytes of exactly the entries (by header offset) that survived every layer above. */
export function collectVisitor(
  wanted: Map<number, string>,
  collected: (path: string, bytes: Uint8Array) => void,
): EntryVisitor {
  return (entry) => {
    const path = wanted.get(entry.headerOffset);
    return path === undefined ? null : collectInto(entry.size, (bytes) => collected(path, bytes));
  };
}
