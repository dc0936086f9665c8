import { FormatError } from '../../io/errors';
import { hex, type ByteReader } from '../../io/reader';
import type { ExeSegment } from '../exe';
import type { FixupCollector } from '../pointers';
import type { LinkeditData } from './types';

// LC_DYLD_CHAINED_FIXUPS (<mach-o/fixup-chains.h>): a header, a table of per-segment starts, and in each segment
// one chain per page threaded through the pointer slots themselves. Each slot holds an encoded rebase or bind
// whose `next` field says how far on the following slot is.
const HEADER_SIZE = 28;
const SEGMENT_STARTS_FIXED = 22;
const PAGE_START_NONE = 0xffff;
/** Set on a page start of the 32-bit formats that list several chains per page; not used by 64-bit ones. */
const PAGE_START_MULTI = 0x8000;
/** Pages per segment; a 4 GiB segment of 16 KiB pages has 2^18, and the count field is only 16 bits wide. */
const MAX_PAGES = 0xffff;

/** How one pointer format packs a rebase: where `next` and `bind` sit and how the target is meant. */
interface PointerFormat {
  name: string;
  /** Bytes per unit of `next`. */
  stride: number;
  /** Decodes a rebase (bind bit clear) into its target at the preferred base, given the image base. */
  target: (low: number, high: number, imageBase: number) => number;
  /** Bit 62 on arm64e marks an authenticated pointer, whose target is always an offset from the image base. */
  arm64e: boolean;
}

const TWO_32 = 0x1_0000_0000;

/** A 64-bit word's bits [from, from+count) when the field lies in the high half. */
const highBits = (high: number, from: number, count: number): number => (high >>> (from - 32)) & ((1 << count) - 1);

/** DYLD_CHAINED_PTR_64 / _64_OFFSET: target:36, high8:8, reserved:7, next:12, bind:1. */
function target64(low: number, high: number): number {
  return (high & 0xf) * TWO_32 + low;
}

/** ARM64E plain rebase: target:43, high8:8, next:11, bind:1, auth:1. */
function targetArm64e(low: number, high: number): number {
  return (high & 0x7ff) * TWO_32 + low;
}

const FORMATS: ReadonlyMap<number, PointerFormat> = new Map([
  [1, { name: 'ARM64E', stride: 8, target: (l, h) => targetArm64e(l, h), arm64e: true }],
  [2, { name: '64', stride: 4, target: (l, h) => target64(l, h), arm64e: false }],
  [6, { name: '64_OFFSET', stride: 4, target: (l, h, base) => base + target64(l, h), arm64e: false }],
  [9, { name: 'ARM64E_USERLAND', stride: 8, target: (l, h, base) => base + targetArm64e(l, h), arm64e: true }],
  [12, { name: 'ARM64E_USERLAND24', stride: 8, target: (l, h, base) => base + targetArm64e(l, h), arm64e: true }],
]);

/** `next` and the bind bit of a slot, per format family. */
function linkOf(format: PointerFormat, high: number): { next: number; bind: boolean; auth: boolean } {
  if (format.arm64e) {
    return { next: highBits(high, 51, 11), bind: highBits(high, 62, 1) === 1, auth: highBits(high, 63, 1) === 1 };
  }
  return { next: highBits(high, 51, 12), bind: highBits(high, 63, 1) === 1, auth: false };
}

export interface ChainedContext {
  reader: ByteReader;
  segments: ExeSegment[];
  /** The address of the Mach-O header: __TEXT's vmaddr. Offsets in the fixups are from here. */
  imageBase: number;
  /** The 8 bytes at an address, or null when the address has no file bytes. */
  storedAt: (address: number) => Uint8Array | null;
  fileOffsetOf: (address: number) => number;
}

/**
 * Walks every chain and records each rebase with its decoded target. Binds point into other images and are
 * skipped. A broken header or segment entry ends the walk with a FormatError, keeping the slots before it.
 */
export function readChainedFixups(ctx: ChainedContext, data: LinkeditData, out: FixupCollector): void {
  const { reader } = ctx;
  reader.check(data.offset, data.size, 'chained fixups');
  if (data.size < HEADER_SIZE) throw new FormatError(data.at, `chained fixups of ${data.size} bytes have no header`);
  const version = reader.u32(data.offset);
  if (version !== 0) throw new FormatError(data.offset, `chained fixups version ${version} is not known`);
  const starts = data.offset + reader.u32(data.offset + 4);
  const end = data.offset + data.size;
  if (starts + 4 > end) throw new FormatError(data.offset + 4, `chained starts at ${hex(starts)} lie past the data`);
  const segmentCount = reader.u32(starts);
  if (segmentCount > ctx.segments.length || starts + 4 + 4 * segmentCount > end) {
    throw new FormatError(starts, `chained fixups list ${segmentCount} segments; the file has ${ctx.segments.length}`);
  }
  for (let index = 0; index < segmentCount; index++) {
    const infoOffset = reader.u32(starts + 4 + 4 * index);
    if (infoOffset !== 0) readSegmentStarts(ctx, starts + infoOffset, end, out);
  }
}

function readSegmentStarts(ctx: ChainedContext, at: number, end: number, out: FixupCollector): void {
  const { reader } = ctx;
  if (at + SEGMENT_STARTS_FIXED > end)
    throw new FormatError(at, `segment fixup starts at ${hex(at)} lie past the data`);
  const pageSize = reader.u16(at + 4);
  const formatNumber = reader.u16(at + 6);
  const segmentOffset = reader.u64(at + 8);
  const pageCount = reader.u16(at + 20);
  const format = FORMATS.get(formatNumber);
  if (!format) throw new FormatError(at + 6, `chained pointer format ${formatNumber} is not read`);
  if (pageSize === 0 || pageCount > MAX_PAGES || at + SEGMENT_STARTS_FIXED + 2 * pageCount > end) {
    throw new FormatError(at + 4, `segment fixup starts at ${hex(at)}: ${pageCount} pages of ${pageSize} bytes`);
  }
  for (let page = 0; page < pageCount; page++) {
    const start = reader.u16(at + SEGMENT_STARTS_FIXED + 2 * page);
    if (start === PAGE_START_NONE) continue;
    if (start & PAGE_START_MULTI) throw new FormatError(at, `page ${page} lists several chains, not read`);
    const pageAddress = ctx.imageBase + segmentOffset + page * pageSize;
    walkChain(ctx, format, pageAddress + start, pageAddress + pageSize, out);
  }
}

/** One page's chain; it may not leave the page, which also bounds its length. */
function walkChain(
  ctx: ChainedContext,
  format: PointerFormat,
  first: number,
  pageEnd: number,
  out: FixupCollector,
): void {
  const littleEndian = ctx.reader.littleEndian;
  for (let slot = first; ;) {
    const bytes = slot + 8 <= pageEnd ? ctx.storedAt(slot) : null;
    const at = ctx.fileOffsetOf(slot);
    if (!bytes || bytes.length < 8 || at < 0) {
      throw new FormatError(Math.max(at, 0), `fixup chain reaches ${hex(slot)}, outside its page or the file`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
    const low = view.getUint32(littleEndian ? 0 : 4, littleEndian);
    const high = view.getUint32(littleEndian ? 4 : 0, littleEndian);
    const link = linkOf(format, high);
    // high8 tags the top byte of a plain rebase; such a pointer is past 2^53 and is no address we can name.
    const tagged = !link.auth && highBits(high, format.arm64e ? 43 : 36, 8) !== 0;
    if (!link.bind && !tagged) {
      // An authenticated rebase keeps a 32-bit offset from the image base whatever the format's plain rebases do.
      out.add(slot, link.auth ? ctx.imageBase + low : format.target(low, high, ctx.imageBase), at);
    }
    if (link.next === 0) return;
    slot += link.next * format.stride;
  }
}
