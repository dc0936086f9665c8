/**
 * Test support: writes small pclntabs in each layout from the byte descriptions in shared/GO-FORMATS.md §2, for
 * the layouts no committed fixture has (1.2–1.15, 1.16–1.17, 1.20+ with a text start) and both byte orders.
 */
import type { TableFunction } from '../functions';

/** A function to write: what readFunctions should read back. */
export type SyntheticFunction = TableFunction;

export interface SyntheticTable {
  magic: number;
  ptrSize: 4 | 8;
  littleEndian: boolean;
  minLC: 1 | 2 | 4;
  /** 1.18+ layouts: entries are stored relative to this address. */
  textStart: number;
  /** What the header's textStart word says, when not `textStart` (Go 1.26 writes 0). */
  headerTextStart?: number;
  functions: SyntheticFunction[];
}

export class ByteWriter {
  bytes: number[] = [];

  constructor(readonly littleEndian: boolean) {}

  get length(): number {
    return this.bytes.length;
  }

  u8(value: number): void {
    this.bytes.push(value & 0xff);
  }

  put(value: number, size: number, at = this.bytes.length): void {
    for (let i = 0; i < size; i++) {
      const shift = this.littleEndian ? i : size - 1 - i;
      this.bytes[at + i] = Number((BigInt(value) >> BigInt(8 * shift)) & 0xffn);
    }
  }

  cstring(text: string): void {
    for (const byte of new TextEncoder().encode(text)) this.u8(byte);
    this.u8(0);
  }

  uvarint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.u8((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.u8(rest);
  }

  align(size: number): void {
    while (this.bytes.length % size !== 0) this.u8(0);
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** One pc-value table: the file number for the whole function, then the end marker. */
function writePcfile(out: ByteWriter, fileNumber: number, size: number, minLC: number): void {
  out.uvarint(2 * (fileNumber + 1)); // zig-zag of (fileNumber - (-1))
  out.uvarint(size / minLC);
  out.u8(0);
}

function distinctFiles(functions: SyntheticFunction[]): string[] {
  return [...new Set(functions.map((f) => f.file).filter((f): f is string => f !== null))];
}

/** The 1.16+ layouts: header words, then funcnametab, cutab, filetab, pctab, functab with the _func records. */
function buildModern(spec: SyntheticTable): Uint8Array {
  const { ptrSize, functions } = spec;
  const relative = spec.magic === 0xfffffff0 || spec.magic === 0xfffffff1;
  const out = new ByteWriter(spec.littleEndian);
  const fieldCount = relative ? 8 : 7;
  out.put(spec.magic, 4);
  out.bytes.push(0, 0, spec.minLC, ptrSize);
  const words = out.length;
  out.bytes.push(...new Array<number>(fieldCount * ptrSize).fill(0));
  const setWord = (i: number, value: number): void => out.put(value, ptrSize, words + i * ptrSize);
  const files = distinctFiles(functions);
  setWord(0, functions.length);
  setWord(1, files.length);
  if (relative) setWord(2, spec.headerTextStart ?? spec.textStart);
  const offsetWord = relative ? 3 : 2;

  setWord(offsetWord, out.length);
  const nameOffsets = functions.map((f) => {
    const at = out.length - (words + fieldCount * ptrSize);
    out.cstring(f.name);
    return at;
  });
  out.align(4);
  setWord(offsetWord + 1, out.length);
  const cutab = out.length;
  out.bytes.push(...new Array<number>(4 * files.length).fill(0));
  setWord(offsetWord + 2, out.length);
  const filetab = out.length;
  files.forEach((file, i) => {
    out.put(out.length - filetab, 4, cutab + 4 * i);
    out.cstring(file);
  });
  setWord(offsetWord + 3, out.length);
  const pctab = out.length;
  out.u8(0); // offset 0 means "no table"
  const pcfiles = functions.map((f) => {
    if (f.file === null) return 0;
    const at = out.length - pctab;
    writePcfile(out, files.indexOf(f.file), f.size, spec.minLC);
    return at;
  });
  out.align(ptrSize);
  setWord(offsetWord + 4, out.length);
  writeFunctab(out, spec, relative, { nameOffsets, pcfiles });
  return out.toBytes();
}

interface RecordFields {
  nameOffsets: number[];
  pcfiles: number[];
}

function writeFunctab(out: ByteWriter, spec: SyntheticTable, relative: boolean, fields: RecordFields): void {
  const { functions, ptrSize } = spec;
  const width = relative ? 4 : ptrSize;
  const functab = out.length;
  const slots = functab;
  out.bytes.push(...new Array<number>((2 * functions.length + 1) * width).fill(0));
  const pc = (entry: number): number => (relative ? entry - spec.textStart : entry);
  const last = functions.at(-1)!;
  out.put(pc(last.entry + last.size), width, slots + 2 * functions.length * width);
  functions.forEach((f, i) => {
    out.align(4);
    out.put(pc(f.entry), width, slots + 2 * i * width);
    out.put(out.length - functab, width, slots + (2 * i + 1) * width);
    out.put(pc(f.entry), width);
    // nameOff, args, deferreturn, pcsp, pcfile, pcln, npcdata, cuOffset, startLine, then 4 one-byte fields.
    const values = [fields.nameOffsets[i]!, 0, 0, 0, fields.pcfiles[i]!, 0, 0, 0, 0];
    for (const value of values) out.put(value, 4);
    out.put(0, 4);
  });
}

/** The 1.2 layout: functab after nfunc, a u32 file-table offset, everything addressed from the table start. */
function buildLegacy(spec: SyntheticTable): Uint8Array {
  const { ptrSize, functions } = spec;
  const out = new ByteWriter(spec.littleEndian);
  out.put(spec.magic, 4);
  out.bytes.push(0, 0, spec.minLC, ptrSize);
  out.put(functions.length, ptrSize);
  const functab = out.length;
  out.bytes.push(...new Array<number>((2 * functions.length + 1) * ptrSize + 4).fill(0));
  const last = functions.at(-1)!;
  out.put(last.entry + last.size, ptrSize, functab + 2 * functions.length * ptrSize);
  const files = distinctFiles(functions);
  const nameOffsets = functions.map((f) => {
    const at = out.length;
    out.cstring(f.name);
    return at;
  });
  out.u8(0);
  const pcfiles = functions.map((f) => {
    if (f.file === null) return 0;
    const at = out.length;
    writePcfile(out, files.indexOf(f.file) + 1, f.size, spec.minLC); // 1.2 file numbers start at 1
    return at;
  });
  out.align(4);
  out.put(out.length, 4, functab + (2 * functions.length + 1) * ptrSize);
  const filetab = out.length;
  out.put(files.length + 1, 4);
  out.bytes.push(...new Array<number>(4 * files.length).fill(0));
  files.forEach((file, i) => {
    out.put(out.length, 4, filetab + 4 * (i + 1));
    out.cstring(file);
  });
  functions.forEach((f, i) => {
    out.align(ptrSize);
    out.put(f.entry, ptrSize, functab + 2 * i * ptrSize);
    out.put(out.length, ptrSize, functab + (2 * i + 1) * ptrSize);
    out.put(f.entry, ptrSize);
    for (const value of [nameOffsets[i]!, 0, 0, 0, pcfiles[i]!, 0, 0, 0]) out.put(value, 4);
  });
  return out.toBytes();
}

export function buildPclntab(spec: SyntheticTable): Uint8Array {
  return spec.magic === 0xfffffffb ? buildLegacy(spec) : buildModern(spec);
}
