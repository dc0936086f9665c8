import { adler32 } from '../../src/core/unpack/upx/adler32';
import { filterCtok32 } from './filter-encode';
import { encodeUpxLzma } from './lzma-encode';
import { encodeNrv } from './nrv-encode';

/**
 * A packer for tests only (UPX itself is not installable here): it lays a Go ELF64 x86-64 executable out the way
 * UPX 4 documents and writes it for Linux amd64 (format 22), from the format, not from UPX's code:
 *
 *   new Ehdr+Phdrs | l_info | p_info | blocks of each PT_LOAD (the first one starts with a block holding the
 *   original Ehdr+Phdrs) | pad to 4 | loader (lsize bytes) | blocks of the gaps between and after the PT_LOADs |
 *   end marker b_info (0, "UPX!") | pad to 4 | PackHeader (32 bytes, "UPX!") | overlay offset (u32)
 *
 * Each block is a 12-byte b_info (sz_unc, sz_cpr, method, filter id, filter marker, 0) and its data; a block that
 * does not shrink is stored (sz_cpr == sz_unc). The PackHeader carries Adler-32 sums over all compressed and all
 * uncompressed (unfiltered) block data. The loader is a stand-in holding UPX's version banner; nothing runs.
 */
export interface PackOptions {
  /** UPX method number: 2/3/4 NRV2B, 5/6/7 NRV2D, 8/9/10 NRV2E (LE32, 8-bit, LE16), 14 LZMA. */
  method: number;
  blockSize?: number;
  /** Filter for the code blocks of the first PT_LOAD: 0 (none), 0x46 or 0x49 (ctok32). */
  filter?: 0 | 0x46 | 0x49;
  banner?: string;
}

const UPX = [0x55, 0x50, 0x58, 0x21];
const VERSION = 14;
const FORMAT_ELF64_AMD64 = 22;
const EHDR = 64;
const PHDR = 56;

class Out {
  readonly parts: number[] = [];
  u8(v: number): void {
    this.parts.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v);
    this.u8(v >>> 8);
  }
  u32(v: number): void {
    for (let i = 0; i < 4; i++) this.u8(v >>> (8 * i));
  }
  u64(v: number): void {
    this.u32(v % 2 ** 32);
    this.u32(Math.floor(v / 2 ** 32));
  }
  bytes(b: Uint8Array | number[]): void {
    for (const x of b) this.parts.push(x);
  }
  pad4(): void {
    while (this.parts.length % 4) this.u8(0);
  }
  get length(): number {
    return this.parts.length;
  }
}

function compress(method: number, data: Uint8Array): Uint8Array {
  if (method === 14) return encodeUpxLzma(data);
  const variant = method <= 4 ? '2b' : method <= 7 ? '2d' : '2e';
  const width = ([32, 8, 16] as const)[(method - 2) % 3]!;
  return encodeNrv(variant, width, data);
}

interface Sums {
  c: number;
  u: number;
}

function putBlock(out: Out, sums: Sums, method: number, data: Uint8Array, filter: number): void {
  sums.u = adler32(data, sums.u);
  let input = data;
  let cto = 0;
  if (filter) {
    input = data.slice();
    const marker = filterCtok32(filter as 0x46 | 0x49, input);
    if (marker === null) [input, filter] = [data, 0];
    else cto = marker;
  }
  const packed = compress(method, input);
  const stored = packed.length >= data.length;
  const body = stored ? data : packed;
  sums.c = adler32(body, sums.c);
  out.u32(data.length);
  out.u32(body.length);
  out.bytes(stored ? [0, 0, 0, 0] : [method, filter, cto, 0]);
  out.bytes(body);
}

function putExtent(out: Out, sums: Sums, o: PackOptions, data: Uint8Array, filter: number): void {
  const size = o.blockSize ?? 256 * 1024;
  for (let at = 0; at < data.length; at += size) putBlock(out, sums, o.method, data.subarray(at, at + size), filter);
}

interface Load {
  offset: number;
  size: number;
  flags: number;
}

function loadsOf(elf: Uint8Array): { loads: Load[]; headerSize: number; entry: number } {
  const v = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const phnum = v.getUint16(56, true);
  const loads: Load[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = EHDR + i * PHDR;
    if (v.getUint32(at, true) !== 1) continue;
    const offset = Number(v.getBigUint64(at + 8, true));
    loads.push({ offset, size: Number(v.getBigUint64(at + 32, true)), flags: v.getUint32(at + 4, true) });
  }
  return { loads, headerSize: EHDR + phnum * PHDR, entry: Number(v.getBigUint64(24, true)) };
}

/** The packed file's own headers: one R+X PT_LOAD over the whole file and PT_GNU_STACK, as UPX's are in spirit. */
function putNewHeaders(out: Out, total: number, entry: number): void {
  out.bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  out.u16(2); // ET_EXEC
  out.u16(62); // EM_X86_64
  out.u32(1);
  out.u64(entry);
  out.u64(EHDR);
  out.u64(0);
  out.u32(0);
  out.bytes([EHDR, 0, PHDR, 0, 2, 0, 64, 0, 0, 0, 0, 0]);
  const phdr = (type: number, flags: number, size: number, vaddr: number): void => {
    out.u32(type);
    out.u32(flags);
    out.u64(0);
    out.u64(vaddr);
    out.u64(vaddr);
    out.u64(size);
    out.u64(size);
    out.u64(0x1000);
  };
  phdr(1, 5, total, 0x400000);
  phdr(0x6474e551, 6, 0, 0);
}

function loaderStandIn(banner: string): Uint8Array {
  const text = `\u0000stand-in for the UPX loader\u0000${banner}\u0000`;
  // An odd length on purpose: UPX rounds the loader's end up to 4 before the next blocks.
  const bytes = new TextEncoder().encode(text.length % 2 ? text : `${text}\u0000`);
  return bytes;
}

export function packUpx(elf: Uint8Array, o: PackOptions): Uint8Array {
  const { loads, headerSize } = loadsOf(elf);
  const banner = o.banner ?? '$Id: UPX 4.24 Copyright (C) 1996-2024 the UPX Team. All Rights Reserved. $';
  const loader = loaderStandIn(banner);
  const out = new Out();
  const sums: Sums = { c: 1, u: 1 };
  putNewHeaders(out, 0, 0x400000 + EHDR + 2 * PHDR);
  const sizeOfHeaders = out.length;
  out.u32(adler32(loader));
  out.bytes(UPX);
  out.u16(loader.length);
  out.u8(VERSION);
  out.u8(FORMAT_ELF64_AMD64);
  out.u32(0);
  out.u32(elf.length);
  out.u32(o.blockSize ?? 256 * 1024);
  loads.forEach((load, index) => {
    const data = elf.subarray(load.offset, load.offset + load.size);
    if (index === 0) {
      putBlock(out, sums, o.method, data.subarray(0, headerSize), 0);
      putExtent(out, sums, o, data.subarray(headerSize), o.filter ?? 0);
    } else putExtent(out, sums, o, data, load.flags & 1 ? (o.filter ?? 0) : 0);
  });
  out.pad4();
  out.bytes(loader);
  out.pad4();
  for (const load of loads) {
    const end = load.offset + load.size;
    const next = Math.min(elf.length, ...loads.map((l) => l.offset).filter((off) => off >= end));
    if (next > end) putExtent(out, sums, o, elf.subarray(end, next), 0);
  }
  out.u32(0);
  out.bytes(UPX);
  out.u32(0);
  out.pad4();
  putPackHeader(out, o.method, sums, elf.length);
  out.u32(sizeOfHeaders + 12);
  const file = Uint8Array.from(out.parts);
  new DataView(file.buffer).setBigUint64(EHDR + 32, BigInt(file.length), true);
  new DataView(file.buffer).setBigUint64(EHDR + 40, BigInt(file.length), true);
  return file;
}

function putPackHeader(out: Out, method: number, sums: Sums, size: number): void {
  const header = new Out();
  header.bytes(UPX);
  header.bytes([VERSION, FORMAT_ELF64_AMD64, method, 8]);
  header.u32(sums.u);
  header.u32(sums.c);
  header.u32(size);
  header.u32(out.length);
  header.u32(size);
  header.bytes([0, 0, 0]);
  const sum = header.parts.slice(4).reduce((a, b) => a + b, 0);
  header.u8(sum % 251);
  out.bytes(header.parts);
}
