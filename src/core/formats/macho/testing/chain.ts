// Test support: rewrites a Mach-O that uses dyld rebase opcodes into one that uses chained fixups, the way ld64
// lays them out for macOS 12+ (<mach-o/fixup-chains.h>), since Go 1.19's own linker writes no chained fixups and
// no tool here can produce them. Each rebased slot gets its target encoded in place and a link to the next slot
// of its page; the fixups blob goes at the end of the file and LC_DYLD_INFO_ONLY becomes LC_DYLD_CHAINED_FIXUPS.

export type ChainFormat = 'PTR_64' | 'PTR_64_OFFSET' | 'ARM64E' | 'ARM64E_USERLAND_AUTH';

const FORMAT_NUMBERS: Record<ChainFormat, number> = { PTR_64: 2, PTR_64_OFFSET: 6, ARM64E: 1, ARM64E_USERLAND_AUTH: 9 };
const PAGE_SIZE = 0x4000;
const LC_SEGMENT_64 = 0x19;
const LC_DYLD_INFO_ONLY = 0x80000022;
const LC_DYLD_CHAINED_FIXUPS = 0x80000034;

interface Segment {
  vmaddr: number;
  vmsize: number;
  fileoff: number;
}

function loadCommands(view: DataView): { segments: Segment[]; dyldInfoAt: number } {
  const segments: Segment[] = [];
  let dyldInfoAt = -1;
  let at = 32;
  for (let i = 0; i < view.getUint32(16, true); i++) {
    const cmd = view.getUint32(at, true);
    if (cmd === LC_SEGMENT_64) {
      const big = (field: number): number => Number(view.getBigUint64(at + field, true));
      segments.push({ vmaddr: big(24), vmsize: big(32), fileoff: big(40) });
    }
    if (cmd === LC_DYLD_INFO_ONLY) dyldInfoAt = at;
    at += view.getUint32(at + 4, true);
  }
  return { segments, dyldInfoAt };
}

/** File offset of the first load command `cmd` of a 64-bit little-endian Mach-O, or -1. */
export function commandOffset(bytes: Uint8Array, cmd: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let at = 32;
  for (let i = 0; i < view.getUint32(16, true); i++) {
    if (view.getUint32(at, true) === cmd) return at;
    at += view.getUint32(at + 4, true);
  }
  return -1;
}

/** The 64-bit word a slot holds: the target in this format's encoding, and the distance to the next slot. */
function encode(format: ChainFormat, target: number, imageBase: number, nextBytes: number): bigint {
  const stride = format === 'PTR_64' || format === 'PTR_64_OFFSET' ? 4 : 8;
  const next = BigInt(nextBytes / stride) << 51n;
  switch (format) {
    case 'PTR_64':
      return BigInt(target) | next;
    case 'PTR_64_OFFSET':
      return BigInt(target - imageBase) | next;
    case 'ARM64E':
      return BigInt(target) | next;
    case 'ARM64E_USERLAND_AUTH': // auth:1 at bit 63, key IA, no diversity: target is a 32-bit offset
      return BigInt(target - imageBase) | next | (1n << 63n);
  }
}

/** Slots (ascending) with their targets; returns a new file, the original is left alone. */
export function withChainedFixups(
  original: Uint8Array,
  slots: readonly number[],
  targets: readonly number[],
  format: ChainFormat,
): Uint8Array {
  const { segments, dyldInfoAt } = loadCommands(new DataView(original.buffer, original.byteOffset));
  if (dyldInfoAt < 0) throw new Error('no LC_DYLD_INFO_ONLY to replace');
  const imageBase = segments.find((s) => s.fileoff === 0 && s.vmsize > 0 && s.vmaddr > 0)!.vmaddr;
  const blobAt = Math.ceil(original.length / 8) * 8;
  const blob = chainedBlob(segments, slots, imageBase, format);
  const out = new Uint8Array(blobAt + blob.length);
  out.set(original);
  out.set(blob, blobAt);
  const view = new DataView(out.buffer);
  // One chain per page of each segment, pages counted from the segment's start as dyld counts them.
  const segmentOf = (slot: number): Segment => segments.find((s) => slot >= s.vmaddr && slot < s.vmaddr + s.vmsize)!;
  const pages = new Map<string, number[]>();
  slots.forEach((slot, i) => {
    const segment = segmentOf(slot);
    const key = `${segment.vmaddr}:${Math.floor((slot - segment.vmaddr) / PAGE_SIZE)}`;
    (pages.get(key) ?? pages.set(key, []).get(key)!).push(i);
  });
  for (const indexes of pages.values()) {
    indexes.forEach((i, k) => {
      const slot = slots[i]!;
      const next = k + 1 < indexes.length ? slots[indexes[k + 1]!]! - slot : 0;
      const segment = segmentOf(slot);
      view.setBigUint64(segment.fileoff + slot - segment.vmaddr, encode(format, targets[i]!, imageBase, next), true);
    });
  }
  view.setUint32(dyldInfoAt, LC_DYLD_CHAINED_FIXUPS, true);
  view.setUint32(dyldInfoAt + 8, blobAt, true);
  view.setUint32(dyldInfoAt + 12, blob.length, true);
  return out;
}

/** dyld_chained_fixups_header, dyld_chained_starts_in_image, then one dyld_chained_starts_in_segment per segment. */
function chainedBlob(
  segments: Segment[],
  slots: readonly number[],
  imageBase: number,
  format: ChainFormat,
): Uint8Array {
  const bytes: number[] = [];
  const u16 = (v: number): void => void bytes.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (v: number): void => (u16(v & 0xffff), u16(v >>> 16));
  const u64 = (v: number): void => (u32(v % 2 ** 32), u32(Math.floor(v / 2 ** 32)));
  [0, 28, 0, 0, 0, 1, 0].forEach(u32); // version, starts_offset, imports/symbols offsets, counts, formats
  const startsAt = bytes.length;
  u32(segments.length);
  const offsetsAt = bytes.length;
  segments.forEach(() => u32(0));
  segments.forEach((segment, index) => {
    const inside = slots.filter((s) => s >= segment.vmaddr && s < segment.vmaddr + segment.vmsize);
    if (inside.length === 0) return;
    const infoOffset = bytes.length - startsAt;
    [0, 8, 16, 24].forEach((shift) => (bytes[offsetsAt + 4 * index + shift / 8] = (infoOffset >>> shift) & 0xff));
    const pageCount = Math.ceil(segment.vmsize / PAGE_SIZE);
    const starts = new Array<number>(pageCount).fill(0xffff);
    for (const slot of inside) {
      const page = Math.floor((slot - segment.vmaddr) / PAGE_SIZE);
      if (starts[page] === 0xffff) starts[page] = (slot - segment.vmaddr) % PAGE_SIZE;
    }
    u32(22 + 2 * pageCount);
    u16(PAGE_SIZE);
    u16(FORMAT_NUMBERS[format]);
    u64(segment.vmaddr - imageBase);
    u32(0);
    u16(pageCount);
    starts.forEach(u16);
    while (bytes.length % 4) bytes.push(0);
  });
  return Uint8Array.from(bytes);
}
