import { FormatError } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';
import { B_INFO_SIZE, BlockWalk, readBlockInfo, type BlockInfo } from './blocks';
import type { PackInfo } from './header';
import { MAX_LOADER_SCAN, MAX_UPX_PHDRS } from './limits';

const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
const PT_LOAD = 1;
const EM_X86_64 = 62;

interface Extent {
  offset: number;
  size: number;
}

/** The original ELF header and the file ranges of its PT_LOAD segments, in program-header order. */
function originalLoads(header: Uint8Array, fileSize: number): Extent[] {
  const r = new ByteReader(header);
  if (r.u32(0) !== 0x464c457f || r.u8(4) !== 2 || r.u8(5) !== 1 || r.u16(18) !== EM_X86_64) {
    throw new FormatError(0, 'the unpacked ELF header is not ELF64 little-endian x86-64');
  }
  const phoff = r.u64(32);
  const phnum = r.u16(56);
  if (phoff !== EHDR_SIZE || r.u16(54) !== PHDR_SIZE || phnum > MAX_UPX_PHDRS) {
    throw new FormatError(32, `the unpacked ELF header has ${phnum} program headers at ${phoff}`);
  }
  r.check(EHDR_SIZE, phnum * PHDR_SIZE, 'original program headers');
  const loads: Extent[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = EHDR_SIZE + i * PHDR_SIZE;
    if (r.u32(at) !== PT_LOAD) continue;
    const extent = { offset: r.u64(at + 8), size: r.u64(at + 32) };
    if (extent.offset + extent.size > fileSize) {
      throw new FormatError(at, `segment at ${hex(extent.offset)} runs past the original size ${fileSize}`);
    }
    loads.push(extent);
  }
  if (loads[0]?.offset !== 0) throw new FormatError(EHDR_SIZE, 'the first PT_LOAD does not start the file');
  checkDisjoint(loads);
  return loads;
}

/** Two segments writing the same bytes would make the unpacked image depend on their order: refuse it. */
function checkDisjoint(loads: Extent[]): void {
  const sorted = [...loads].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    if (sorted[i]!.offset < before.offset + before.size) {
      throw new FormatError(0, `segments at ${hex(before.offset)} and ${hex(sorted[i]!.offset)} overlap`);
    }
  }
}

/** The bytes after each PT_LOAD up to the next one (or the end of the file): UPX packs them after its loader. */
function gaps(loads: Extent[], fileSize: number): Extent[] {
  return loads
    .map((load) => {
      const end = load.offset + load.size;
      const next = loads.map((l) => l.offset).filter((o) => o >= end);
      return { offset: end, size: Math.min(fileSize, ...next) - end };
    })
    .filter((gap) => gap.size > 0);
}

/** The first block's data is the original Ehdr and Phdrs; decoding it tells which extents follow. */
function readOriginalHeader(r: ByteReader, info: PackInfo): Uint8Array {
  const block = readBlockInfo(r, info.firstBlock);
  if (block.uncompressed < EHDR_SIZE || block.uncompressed > info.blockSize) {
    throw new FormatError(block.at, `the first UPX block holds ${block.uncompressed} bytes, not an ELF header`);
  }
  const header = new Uint8Array(block.uncompressed);
  new BlockWalk(r, info.blockSize).extent(block.at, header, 0, block.uncompressed);
  return header;
}

const up4 = (n: number): number => (n + 3) & ~3;

/** A block header that can start the packed gap after the loader (as UPX's own unpacker judges it). */
function startsGap(r: ByteReader, at: number, size: number, method: number): boolean {
  if (!r.has(at, B_INFO_SIZE)) return false;
  const block: BlockInfo = readBlockInfo(r, at);
  if (block.uncompressed !== size || !r.has(at + B_INFO_SIZE, block.compressed)) return false;
  if (block.compressed === block.uncompressed) return block.method === 0 && block.filter === 0 && block.cto === 0;
  return block.compressed < block.uncompressed && block.method === method && block.filter === 0 && block.cto === 0;
}

/**
 * UPX's loader sits between the packed segments and the packed gaps; its length (l_info) has been rounded
 * differently across UPX versions, so the expected place is tried first, then a bounded scan.
 */
function afterLoader(r: ByteReader, from: number, info: PackInfo, size: number, method: number): number {
  const expected = up4(from) + info.loaderSize;
  for (const at of [expected, up4(expected)]) if (startsGap(r, at, size, method)) return at;
  const end = Math.min(r.length, expected + MAX_LOADER_SCAN);
  for (let at = up4(from); at < end; at += 4) if (startsGap(r, at, size, method)) return at;
  throw new FormatError(expected, 'no UPX block found after the loader');
}

export interface ElfUnpack {
  image: Uint8Array;
  walk: BlockWalk;
  /** Where the block after the last one read starts (UPX's end marker). */
  end: number;
}

/**
 * Rebuilds the original file of a UPX-packed ELF64 x86-64 executable: every PT_LOAD's bytes, then the bytes
 * between and after them (section headers, symbol tables), each from its blocks, into one buffer of the original
 * size. The result is the file as it was before packing, byte for byte.
 */
export function unpackElf64(file: Uint8Array, info: PackInfo, lastMethod: number): ElfUnpack {
  const r = new ByteReader(file);
  const loads = originalLoads(readOriginalHeader(r, info), info.originalSize);
  const image = new Uint8Array(info.originalSize);
  const walk = new BlockWalk(r, info.blockSize);
  let pos = info.firstBlock;
  for (const load of loads) pos = walk.extent(pos, image, load.offset, load.size);
  const rest = gaps(loads, info.originalSize);
  if (rest.length > 0) {
    const first = Math.min(rest[0]!.size, info.blockSize);
    pos = afterLoader(r, pos, info, first, [...walk.methods].pop() ?? lastMethod);
    for (const gap of rest) pos = walk.extent(pos, image, gap.offset, gap.size);
  }
  return { image, walk, end: pos };
}
