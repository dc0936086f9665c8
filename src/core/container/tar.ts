import { FormatError } from '../io/errors';
import {
  MAX_TAR_EXTENDED_BYTES,
  TAR_BLOCK,
  decodeHeader,
  gnuLongText,
  isZeroBlock,
  parsePax,
  paxSize,
  type TarEntryType,
  type TarHeader,
} from './tar-header';

export interface TarEntry {
  /** The name as the archive gives it (after PAX and GNU long names), not yet normalised. */
  name: string;
  type: TarEntryType;
  linkName: string;
  size: number;
  mode: number;
  /** Stream offset of the entry's header block (its own, after any extended headers). */
  headerOffset: number;
}

/** Where an entry's data goes: the bytes in order, at most `size` of them, then `end`. */
export interface EntrySink {
  data(chunk: Uint8Array): void;
  end(): void;
}

/** Called for each entry; returns a sink for its data, or null to pass over the data. */
export type EntryVisitor = (entry: TarEntry) => EntrySink | null;

interface Pending {
  name?: string;
  linkName?: string;
  size?: number;
}

type State =
  { kind: 'header' } | { kind: 'data'; left: number; padding: number; sink: EntrySink | null } | { kind: 'ended' };

function padOf(size: number): number {
  return (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
}

/**
 * A streaming tar reader: bytes go in by `write` in chunks of any size, entries come out to the visitor, and data
 * passes through to the entry's sink in the caller's own chunks. It holds one header block and at most one extended
 * header (MAX_TAR_EXTENDED_BYTES) at a time, so a layer of gigabytes is read in bounded memory. PAX ("x") and GNU
 * long-name ("L", "K") headers name the entry after them; global PAX headers are passed over.
 */
export class TarParser {
  private state: State = { kind: 'header' };
  private readonly block = new Uint8Array(TAR_BLOCK);
  private blockFilled = 0;
  private pending: Pending = {};
  /** Stream offset of the next byte to consume. */
  private position = 0;

  constructor(private readonly visitor: EntryVisitor) {}

  get offset(): number {
    return this.position;
  }

  /** True once the end-of-archive block was read; later bytes (record padding) are ignored. */
  get ended(): boolean {
    return this.state.kind === 'ended';
  }

  write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length && this.state.kind !== 'ended') at += this.step(chunk.subarray(at));
    this.position += chunk.length - at;
  }

  /**
   * Bytes of data nobody wants (an entry without a sink) that the caller may skip instead of passing them in:
   * a reader with random access seeks past them. They count as consumed.
   */
  skippable(): number {
    const state = this.state;
    if (state.kind !== 'data' || state.sink !== null) return 0;
    const skip = state.left + state.padding;
    this.position += skip;
    this.state = { kind: 'header' };
    return skip;
  }

  /** The stream is over: ending inside a header or an entry's data means the archive was cut short. */
  end(): void {
    const state = this.state;
    if (state.kind === 'ended') return;
    if (state.kind === 'header' && this.blockFilled === 0) return;
    throw new FormatError(this.position, 'tar archive is truncated');
  }

  /** Consumes a prefix of `bytes` for the current state and returns how many bytes it took. */
  private step(bytes: Uint8Array): number {
    const state = this.state;
    if (state.kind === 'header') return this.fillHeader(bytes);
    if (state.kind === 'data') return this.passData(state, bytes);
    return bytes.length;
  }

  private consumed(count: number): number {
    this.position += count;
    return count;
  }

  private fillHeader(bytes: Uint8Array): number {
    const take = Math.min(TAR_BLOCK - this.blockFilled, bytes.length);
    this.block.set(bytes.subarray(0, take), this.blockFilled);
    this.blockFilled += take;
    if (this.blockFilled === TAR_BLOCK) {
      this.blockFilled = 0;
      this.onHeader(this.position + take - TAR_BLOCK);
    }
    return this.consumed(take);
  }

  private onHeader(at: number): void {
    if (isZeroBlock(this.block)) {
      this.state = { kind: 'ended' };
      return;
    }
    const header = decodeHeader(this.block, at);
    if (header.kind === 'pax' || header.kind === 'pax-global' || header.kind.startsWith('gnu-')) {
      if (header.size > MAX_TAR_EXTENDED_BYTES)
        throw new FormatError(at, `tar extended header of ${header.size} bytes is larger than allowed`);
      // An extended header is data like any entry's, kept whole and read when it ends.
      const sink = collectInto(header.size, (data) => this.finishExtended(header, at, data));
      this.state = { kind: 'data', left: header.size, padding: padOf(header.size), sink };
      if (header.size === 0) this.finishData(this.state);
      return;
    }
    this.startEntry(header, at);
  }

  private startEntry(header: TarHeader, at: number): void {
    const { pending } = this;
    this.pending = {};
    const type = header.kind as TarEntryType;
    const size = type === 'file' || type === 'other' ? (pending.size ?? header.size) : 0;
    const entry: TarEntry = {
      name: pending.name ?? header.name,
      type,
      linkName: pending.linkName ?? header.linkName,
      size,
      mode: header.mode,
      headerOffset: at,
    };
    const sink = this.visitor(entry);
    this.state = { kind: 'data', left: size, padding: padOf(size), sink };
    if (size === 0) this.finishData(this.state);
  }

  private finishExtended(header: TarHeader, at: number, data: Uint8Array): void {
    const dataAt = at + TAR_BLOCK;
    if (header.kind === 'gnu-long-name') this.pending.name = gnuLongText(data);
    else if (header.kind === 'gnu-long-link') this.pending.linkName = gnuLongText(data);
    else if (header.kind === 'pax') {
      const fields = parsePax(data, dataAt);
      const path = fields.get('path');
      const link = fields.get('linkpath');
      const size = fields.get('size');
      if (path !== undefined) this.pending.name = path;
      if (link !== undefined) this.pending.linkName = link;
      if (size !== undefined) this.pending.size = paxSize(size, dataAt);
    }
  }

  private passData(state: Extract<State, { kind: 'data' }>, bytes: Uint8Array): number {
    if (state.left > 0) {
      const take = Math.min(state.left, bytes.length);
      state.sink?.data(bytes.subarray(0, take));
      state.left -= take;
      if (state.left === 0 && state.padding === 0) this.finishData(state);
      return this.consumed(take);
    }
    const take = Math.min(state.padding, bytes.length);
    state.padding -= take;
    if (state.padding === 0) this.finishData(state);
    return this.consumed(take);
  }

  private finishData(state: Extract<State, { kind: 'data' }>): void {
    state.sink?.end();
    this.state = { kind: 'header' };
  }
}

/** A sink that keeps an entry's bytes whole, in a buffer of its own (transferable to a worker by itself). */
export function collectInto(size: number, done: (bytes: Uint8Array) => void): EntrySink {
  const bytes = new Uint8Array(size);
  let filled = 0;
  return {
    data(chunk) {
      bytes.set(chunk, filled);
      filled += chunk.length;
    },
    end: () => done(bytes),
  };
}

/** Reads a whole in-memory archive: each entry with its bytes when `keep` says so. For small archives and tests. */
export function readTar(
  bytes: Uint8Array,
  keep: (entry: TarEntry) => boolean = () => true,
): { entry: TarEntry; bytes: Uint8Array | null }[] {
  const out: { entry: TarEntry; bytes: Uint8Array | null }[] = [];
  const parser = new TarParser((entry) => {
    const item = { entry, bytes: null as Uint8Array | null };
    out.push(item);
    // Data longer than the whole input cannot all be there: the parser reports the cut, nothing is allocated.
    const whole = keep(entry) && entry.size <= bytes.length;
    return whole ? collectInto(entry.size, (data) => (item.bytes = data)) : null;
  });
  parser.write(bytes);
  parser.end();
  return out;
}
