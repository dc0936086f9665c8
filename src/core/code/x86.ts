import { ACCESS_ADDRESS, ACCESS_VALUE } from './columns';
import type { CodeSink, FunctionWalk } from './walk';

/**
 * One linear pass over x86 code (amd64 and 386) for direct calls and memory operands that name an address.
 *
 * Calls: every `E8 rel32` whose target (pc + 5 + rel32) is exactly a function entry. Scanning bytes instead of
 * decoding every instruction finds the same calls as `go tool objdump` on Go code (GO-FORMATS §7): an E8 inside
 * another instruction almost never lands on an entry, and calls into the middle of duffzero/duffcopy never do.
 *
 * Data: instructions whose ModRM says mod=00 rm=101 — RIP-relative on amd64, an absolute disp32 on 386 — for the
 * opcodes the Go compiler emits with a global operand (LEAQ to take an address; MOV, CMP, MOVZX, SSE loads to
 * use the value). Enough of each instruction is decoded to know its length, which RIP-relative targets need.
 */

/** Per opcode: -1 = not followed; else the immediate's size in bytes, plus VALUE_FLAG when it uses the value. */
const VALUE_FLAG = 8;
const ONE_BYTE = new Int8Array(256).fill(-1);
const TWO_BYTE = new Int8Array(256).fill(-1);
ONE_BYTE[0x8d] = 0; // LEA
// ADD, OR, AND, SUB, XOR, CMP, MOVSXD, TEST, XCHG, MOV; INC/DEC/PUSH/CALL/JMP through memory (FE, FF).
const VALUE_OPCODES = [0x01, 0x03, 0x09, 0x0b, 0x21, 0x23, 0x29, 0x2b, 0x31, 0x33, 0x39, 0x3b, 0x63, 0x85, 0x87];
// Their byte forms (opcode - 1), and TEST with an immediate (F6 /0 imm8, F7 /0 imm32; see operandAt).
for (const op of VALUE_OPCODES) if (op !== 0x63) ONE_BYTE[op - 1] = VALUE_FLAG;
for (const op of [...VALUE_OPCODES, 0x88, 0x89, 0x8a, 0x8b, 0xfe, 0xff]) ONE_BYTE[op] = VALUE_FLAG;
ONE_BYTE[0xf6] = VALUE_FLAG | 1;
ONE_BYTE[0xf7] = VALUE_FLAG | 4;
for (const op of [0x80, 0x83, 0xc6]) ONE_BYTE[op] = VALUE_FLAG | 1;
for (const op of [0x81, 0xc7]) ONE_BYTE[op] = VALUE_FLAG | 4;
// 0F xx: MOVZX/MOVSX, SETcc, and the SSE moves, arithmetic and logic Go uses on float and 16-byte globals.
const SSE_OPCODES = [0x10, 0x11, 0x28, 0x29, 0x2e, 0x2f, 0x54, 0x57, 0x58, 0x59, 0x5c, 0x5e, 0x6e, 0x6f, 0x7e, 0x7f];
for (const op of [...SSE_OPCODES, 0xb6, 0xb7, 0xbe, 0xbf, 0xd4, 0xd6, 0xdb, 0xeb, 0xef, 0xfe])
  TWO_BYTE[op] = VALUE_FLAG;
for (let op = 0x90; op <= 0x9f; op++) TWO_BYTE[op] = VALUE_FLAG;

/** Integer argument registers of Go's amd64 register ABI, in order: AX BX CX DI SI R8 R9 R10 R11. */
const ABI_REGISTERS = [0, 3, 1, 7, 6, 8, 9, 10, 11];
const NEXT_ABI_REGISTER = new Int8Array(16).fill(-1);
for (let i = 0; i + 1 < ABI_REGISTERS.length; i++) NEXT_ABI_REGISTER[ABI_REGISTERS[i]!] = ABI_REGISTERS[i + 1]!;
/** Longest string length taken from an immediate: beyond this a constant is not a literal's length. */
const MAX_LITERAL_LENGTH = 1 << 20;

/** Per byte: 1 = E8 (CALL rel32), 2 = a ModRM byte with mod=00 rm=101, 0 = neither. */
const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[0xe8] = 1;
for (let reg = 0; reg < 8; reg++) BYTE_CLASS[0x05 | (reg << 3)] = 2;

/** Filled by `operandAt` and read right after it (no per-instruction objects). */
const operand = { start: 0, length: 0, register: 0, access: 0 };

function i32(code: Uint8Array, at: number): number {
  return code[at]! | (code[at + 1]! << 8) | (code[at + 2]! << 16) | (code[at + 3]! << 24);
}

/**
 * The instruction whose ModRM byte is at `modrm`, decoded backwards: the opcode (one byte, or 0F and one byte),
 * then an optional REX (amd64) and an optional 66/F2/F3 prefix. False when the opcode is not one followed or the
 * instruction would start before `from` or end after `to`.
 */
function operandAt(code: Uint8Array, modrm: number, from: number, to: number, wide: boolean): boolean {
  let start = modrm - 1;
  if (start < from) return false;
  const opcode = code[start]!;
  let info = ONE_BYTE[opcode]!;
  const twoByte = start - 1 >= from && code[start - 1] === 0x0f && TWO_BYTE[opcode]! >= 0;
  if (twoByte) {
    info = TWO_BYTE[opcode]!;
    start--;
  }
  if (info < 0) return false;
  const rex = wide && start - 1 >= from && isRex(code[start - 1]!, opcode, twoByte, code[modrm]!) ? code[--start]! : 0;
  const prefix = start - 1 >= from ? code[start - 1] : -1;
  // F2/F3 select SSE forms; on the one-byte opcodes here Go never writes them, so such a byte ends the instruction
  // before (a SIB byte, say). 66 makes an operand 16-bit.
  if (prefix === 0x66 || (twoByte && (prefix === 0xf2 || prefix === 0xf3))) start--;
  let immediate = info & 7;
  if (immediate === 4 && prefix === 0x66) immediate = 2;
  // F6/F7 carry an immediate only as TEST (/0, /1); NOT, NEG, MUL and DIV (/2-/7) have none.
  if ((opcode === 0xf6 || opcode === 0xf7) && !twoByte && ((code[modrm]! >> 3) & 7) >= 2) immediate = 0;
  const end = modrm + 5 + immediate;
  if (end > to) return false;
  operand.start = start;
  operand.length = end - start;
  operand.register = ((rex & 4) << 1) | ((code[modrm]! >> 3) & 7);
  operand.access = info & VALUE_FLAG ? ACCESS_VALUE : ACCESS_ADDRESS;
  return true;
}

/**
 * Whether `byte` before the opcode is a REX prefix Go would write. REX.X and REX.B mean nothing for a RIP-relative
 * operand and a bare 0x40 only selects SPL..DIL in a byte move: a 0x4X byte that is neither is the tail of the
 * instruction before. (A 0x48 or 0x4C tail, such as a stack displacement, still passes: the instruction is then
 * reported one byte early, its target unchanged.)
 */
function isRex(byte: number, opcode: number, twoByte: boolean, modrm: number): boolean {
  if ((byte & 0xf3) !== 0x40) return false;
  if (byte !== 0x40) return true;
  return !twoByte && (opcode === 0x88 || opcode === 0x8a) && ((modrm >> 3) & 7) >= 4;
}

/**
 * `MOVL $imm32, reg` (B8+r, 41 B8+r) or `MOVQ $imm32, reg` (48/49 C7 C0+r) at `at`: the immediate, or -1. With
 * `endsAt` the instruction must end exactly there (a move found by looking back from the LEA).
 */
function moveImmediate(code: Uint8Array, at: number, limit: number, register: number, endsAt = -1): number {
  if (at < 0) return -1;
  const low = register & 7;
  const high = register >= 8;
  const fits = (size: number): boolean => (endsAt < 0 ? at + size <= limit : at + size === endsAt);
  if (!high && code[at] === 0xb8 + low && fits(5)) return i32(code, at + 1);
  if (high && code[at] === 0x41 && code[at + 1] === 0xb8 + low && fits(6)) return i32(code, at + 2);
  if (code[at] === (high ? 0x49 : 0x48) && code[at + 1] === 0xc7 && code[at + 2] === 0xc0 + low && fits(7)) {
    return i32(code, at + 3);
  }
  return -1;
}

/**
 * `MOV reg, d(SP)` then `MOV $imm, d+word(SP)`: a string header stored for a stack-passed argument (386 always;
 * amd64 for ABI0 calls). d is a disp8, or 0 in the short form without one.
 */
function storedLength(code: Uint8Array, at: number, end: number, register: number, wide: boolean): number {
  let i = at;
  if (wide) {
    if (code[i] !== (register >= 8 ? 0x4c : 0x48)) return -1;
    i++;
  }
  if (i + 3 > end || code[i] !== 0x89 || code[i + 2] !== 0x24) return -1;
  const modrm = code[i + 1]!;
  if ((modrm & 0x38) !== (register & 7) << 3) return -1;
  let slot: number;
  if ((modrm & 0xc7) === 0x44) slot = code[i + 3]!;
  else if ((modrm & 0xc7) === 0x04) slot = -1;
  else return -1;
  let next = i + (slot < 0 ? 3 : 4);
  if (wide) {
    if (code[next] !== 0x48) return -1;
    next++;
  }
  const lengthSlot = (slot < 0 ? 0 : slot) + (wide ? 8 : 4);
  if (next + 8 > end || code[next] !== 0xc7 || code[next + 1] !== 0x44 || code[next + 2] !== 0x24) return -1;
  return code[next + 3] === lengthSlot ? i32(code, next + 4) : -1;
}

/** The length the compiler put next to a string pointer loaded into `register`, or -1. */
function literalLength(
  code: Uint8Array,
  from: number,
  at: number,
  end: number,
  to: number,
  register: number,
  wide: boolean,
): number {
  const next = NEXT_ABI_REGISTER[register]!;
  let length = -1;
  if (wide && next >= 0) {
    length = moveImmediate(code, end, to, next);
    for (let size = 5; size <= 7 && length < 0; size++) {
      if (at - size >= from) length = moveImmediate(code, at - size, at, next, at);
    }
  }
  if (length < 0) length = storedLength(code, end, to, register, wide);
  return length > 0 && length <= MAX_LITERAL_LENGTH ? length : -1;
}

/** Records the instruction `operandAt` decoded when it names data (or, for an address, a function entry). */
function addReference(
  code: Uint8Array,
  modrm: number,
  from: number,
  to: number,
  base: number,
  caller: number,
  sink: CodeSink,
  wide: boolean,
): boolean {
  const { start, length, access, register } = operand;
  const disp = i32(code, modrm + 1);
  const target = wide ? base + start + length + disp : disp >>> 0;
  if (!sink.space.isData(target) && !(access === ACCESS_ADDRESS && sink.space.functionAt(target) >= 0)) return false;
  const stringLength =
    access === ACCESS_ADDRESS ? literalLength(code, from, start, start + length, to, register, wide) : -1;
  sink.refs.add(base + start, caller, target, stringLength, access);
  return true;
}

/**
 * Scans the functions of one code view; `walk` lists them in address order and code[i] is at address
 * `walk.base + i`. `wide` selects amd64 (REX prefixes, RIP-relative operands) over 386 (absolute operands). The
 * hot loop is one table lookup per byte over the whole view: only E8 and ModRM bytes of the mod=00 rm=101 form are
 * looked at further, inside the bounds of the function they fall in; bytes inside an instruction already taken
 * are skipped.
 */
export function scanX86(code: Uint8Array, walk: FunctionWalk, sink: CodeSink, wide: boolean): void {
  const { starts, ends, callers, count, base } = walk;
  if (count === 0) return;
  const { space, calls } = sink;
  let fn = 0;
  let taken = starts[0]!;
  const last = ends[count - 1]!;
  for (let i = starts[0]!; i < last; i++) {
    // Most bytes are neither kind: a loop of its own over them stays small enough for V8 to keep tight.
    while (i < last && BYTE_CLASS[code[i]!] === 0) i++;
    if (i >= last) break;
    const kind = BYTE_CLASS[code[i]!]!;
    if (i < taken) continue;
    while (ends[fn]! <= i) fn++;
    const from = starts[fn]!;
    if (i < from) continue;
    const to = ends[fn]!;
    if (kind === 1) {
      if (i + 5 > to) continue;
      const callee = space.functionAt(base + i + 5 + i32(code, i + 1));
      if (callee < 0) continue;
      calls.add(base + i, callers[fn]!, callee);
      taken = i + 5;
    } else if (operandAt(code, i, Math.max(from, taken), to, wide)) {
      if (addReference(code, i, from, to, base, callers[fn]!, sink, wide)) taken = operand.start + operand.length;
    }
  }
}
