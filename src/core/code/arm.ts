import { ACCESS_ADDRESS, ACCESS_VALUE } from './columns';
import type { CodeSink, FunctionWalk } from './walk';

/**
 * One pass over the aligned words of arm64 and 32-bit arm code. Instructions are fixed-width and Go keeps its
 * literal pools in whole words, so a word-by-word walk never loses step (GO-FORMATS §7).
 *
 * arm64: `BL imm26` (target pc + imm26·4) to a function entry is a call; `ADRP` followed by `ADD` (takes the
 * address) or an unsigned-offset `LDR`/`STR` on the same register (uses the value) names data, which is how the
 * Go linker materialises every `MOVD $sym(SB)` and `MOVD sym(SB)`. A string's length is a `MOVZ` into the register
 * after the pointer's (Go's arm64 ABI passes {ptr,len} in R0,R1, R2,R3, ...).
 * arm: `BL` (cond AL) to an entry; data is a PC-relative `LDR` from the literal pool whose word is an address.
 */

/** Longest string length taken from an immediate (as on amd64). */
const MAX_LITERAL_LENGTH = 1 << 20;
const PAGE = 4096;

function word(code: Uint8Array, at: number): number {
  return (code[at]! | (code[at + 1]! << 8) | (code[at + 2]! << 16) | (code[at + 3]! << 24)) >>> 0;
}

/**
 * The constant `ORR Rd, ZR, #bitmask` puts in a register when the pattern fills the whole register (N=1 for X,
 * a 32-bit element for W): a run of ones rotated right; -1 for replicated patterns, which are never small.
 */
function orrConstant(w: number): number {
  const wide = w >>> 31 === 1;
  const size = wide ? 64 : 32;
  const n = (w >>> 22) & 1;
  const immr = (w >>> 16) & 0x3f;
  const imms = (w >>> 10) & 0x3f;
  if (wide ? n !== 1 : n !== 0 || (imms & 0x20) !== 0) return -1;
  const ones = imms + 1;
  if (ones >= size) return -1;
  const run = 2 ** ones - 1;
  if (immr === 0) return run;
  // Rotated right by immr: small only when the run does not wrap round to the top bits.
  return immr > imms ? run * 2 ** (size - immr) : -1;
}

/** `MOVZ Rd, #imm16` (no shift) or `ORR Rd, ZR, #bitmask`, 64- or 32-bit, into `register` at `at`; or -1. */
function moveConstant(code: Uint8Array, at: number, from: number, to: number, register: number): number {
  if (at < from || at + 4 > to) return -1;
  const w = word(code, at);
  if ((w & 31) !== register) return -1;
  if ((w & 0x7fe00000) >>> 0 === 0x52800000) return (w >>> 5) & 0xffff;
  if ((w & 0x7f8003e0) >>> 0 === 0x320003e0) return orrConstant(w);
  return -1;
}

function arm64Length(code: Uint8Array, adrp: number, from: number, to: number, register: number): number {
  const next = register + 1;
  let length = -1;
  for (const at of [adrp + 8, adrp - 4, adrp + 12]) {
    if (length < 0) length = moveConstant(code, at, from, to, next);
  }
  return length > 0 && length <= MAX_LITERAL_LENGTH ? length : -1;
}

/** Target of `ADRP` at `at` combined with the instruction after it; sets `pair` or returns false. */
const pair = { target: 0, access: 0, register: 0 };

function adrpPair(code: Uint8Array, at: number, pc: number, w: number): boolean {
  const register = w & 31;
  const immediate = (((((w >>> 5) & 0x7ffff) << 2) | ((w >>> 29) & 3)) << 11) >> 11;
  const page = pc - (pc % PAGE) + immediate * PAGE;
  const next = word(code, at + 4);
  if (((next >>> 5) & 31) !== register) return false;
  if ((next & 0xff800000) >>> 0 === 0x91000000) {
    const shift = (next >>> 22) & 1 ? 12 : 0;
    pair.target = page + ((next >>> 10) & 0xfff) * 2 ** shift;
    pair.access = ACCESS_ADDRESS;
    pair.register = next & 31;
    return true;
  }
  // Load/store register, unsigned immediate: the offset scales by the access size (128-bit SIMD: 16).
  if ((next & 0x3b000000) >>> 0 === 0x39000000) {
    const simd128 = (next >>> 26) & 1 && (next >>> 23) & 1;
    const scale = simd128 ? 4 : next >>> 30;
    pair.target = page + ((next >>> 10) & 0xfff) * 2 ** scale;
    pair.access = ACCESS_VALUE;
    pair.register = next & 31;
    return true;
  }
  return false;
}

export function scanArm64(code: Uint8Array, walk: FunctionWalk, sink: CodeSink): void {
  for (let fn = 0; fn < walk.count; fn++) {
    scanArm64Function(code, walk.starts[fn]!, walk.ends[fn]!, walk.base, walk.callers[fn]!, sink);
  }
}

export function scanArm(code: Uint8Array, walk: FunctionWalk, sink: CodeSink): void {
  for (let fn = 0; fn < walk.count; fn++) {
    scanArmFunction(code, walk.starts[fn]!, walk.ends[fn]!, walk.base, walk.callers[fn]!, sink);
  }
}

function scanArm64Function(code: Uint8Array, from: number, to: number, base: number, caller: number, sink: CodeSink) {
  const { space, calls, refs } = sink;
  for (let i = from; i + 4 <= to; i += 4) {
    const w = word(code, i);
    if (w >>> 26 === 0x25) {
      const callee = space.functionAt(base + i + ((w << 6) >> 6) * 4);
      if (callee >= 0) calls.add(base + i, caller, callee);
      continue;
    }
    if ((w & 0x9f000000) >>> 0 !== 0x90000000 || i + 8 > to || !adrpPair(code, i, base + i, w)) continue;
    const { target, access, register } = pair;
    if (!space.isData(target) && !(access === ACCESS_ADDRESS && space.functionAt(target) >= 0)) continue;
    const length = access === ACCESS_ADDRESS ? arm64Length(code, i, from, to, register) : -1;
    refs.add(base + i, caller, target, length, access);
    i += 4;
  }
}

function scanArmFunction(code: Uint8Array, from: number, to: number, base: number, caller: number, sink: CodeSink) {
  const { space, calls, refs } = sink;
  for (let i = from; i + 4 <= to; i += 4) {
    const w = word(code, i);
    if (w >>> 24 === 0xeb) {
      const callee = space.functionAt(base + i + 8 + ((w << 8) >> 8) * 4);
      if (callee >= 0) calls.add(base + i, caller, callee);
      continue;
    }
    // LDR Rd, [PC, #±imm12]: the pool word it loads is the address the code works with.
    if ((w & 0x0f7f0000) >>> 0 !== 0x051f0000) continue;
    const offset = w & 0xfff;
    const pool = i + 8 + ((w >>> 23) & 1 ? offset : -offset);
    if (pool < 0 || pool + 4 > code.length) continue;
    const target = word(code, pool);
    if (space.isData(target) || space.functionAt(target) >= 0) refs.add(base + i, caller, target, -1, ACCESS_ADDRESS);
  }
}
