import type { FileHandle } from 'node:fs/promises';
import { normalizeEntryPath } from '../core/container/layers';
import { TAR_BLOCK } from '../core/container/tar-header';
import { TarParser } from '../core/container/tar';
import type { BlobSource } from '../core/container/image';
import { FormatError } from '../core/io/errors';

/** Bytes read at a time while listing an archive's members; the data of members is skipped, not read. */
const INDEX_CHUNK_BYTES = 64 * 1024;
/** Members listed in one archive: an image layout holds a few blobs per layer, far fewer than this. */
export const MAX_ARCHIVE_MEMBERS = 100_000;

export interface ArchiveMember {
  /** Where the member's data starts in the archive file. */
  offset: number;
  size: number;
}

/**
 * An image archive on disk, listed once: each member's offset and size, found by reading headers and seeking past
 * data, so a 5 GB `docker save` is listed by reading a few kilobytes per member. Nothing is extracted.
 */
export class ArchiveIndex implements BlobSource {
  private constructor(
    private readonly handle: FileHandle,
    readonly members: Map<string, ArchiveMember>,
  ) {}

  static async open(handle: FileHandle): Promise<ArchiveIndex> {
    const members = new Map<string, ArchiveMember>();
    const parser = new TarParser((entry) => {
      const name = normalizeEntryPath(entry.name);
      if (entry.type === 'file' && name) {
        if (members.size >= MAX_ARCHIVE_MEMBERS)
          throw new FormatError(entry.headerOffset, `the archive has more than ${MAX_ARCHIVE_MEMBERS} members`);
        members.set(name, { offset: entry.headerOffset + TAR_BLOCK, size: entry.size });
      }
      return null;
    });
    const buffer = new Uint8Array(INDEX_CHUNK_BYTES);
    let position = 0;
    while (!parser.ended) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      parser.write(buffer.subarray(0, bytesRead));
      parser.skippable();
      position = parser.offset;
    }
    const { size } = await handle.stat();
    if (position > size) throw new FormatError(size, 'tar archive is truncated');
    parser.end();
    return new ArchiveIndex(handle, members);
  }

  async read(name: string, maxBytes: number): Promise<Uint8Array | null> {
    const member = this.members.get(name);
    if (!member) return null;
    if (member.size > maxBytes) throw new FormatError(member.offset, `${name} is larger than ${maxBytes} bytes`);
    return this.readAt(member.offset, member.size);
  }

  /** Exactly `length` bytes at `offset` of the archive; an archive that ends sooner is cut short. */
  async readAt(offset: number, length: number): Promise<Uint8Array> {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(bytes, done, length - done, offset + done);
      if (bytesRead === 0) throw new FormatError(offset + done, 'the archive is cut short');
      done += bytesRead;
    }
    return bytes;
  }

  /** The member's bytes as a stream of chunks, for layers too large to hold. */
  stream(member: ArchiveMember): NodeJS.ReadableStream {
    return this.handle.createReadStream({
      start: member.offset,
      end: member.offset + member.size - 1,
      autoClose: false,
      highWaterMark: 1024 * 1024,
    });
  }
}
