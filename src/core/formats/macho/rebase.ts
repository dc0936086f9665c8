import { FormatError } from '../../io/errors';
import { hex, type ByteReader } from '../../io/reader';
import type { ExeSegment } from '../exe';
import { storedWord, type FixupCollector } from '../pointers';
import type { LinkeditData } from './types';

// Rebase opcodes (<mach-o/loader.h>): the high nibble is the opcode, the low nibble an immediate.
const OPCODE_MASK = 0xf0;
const IMMEDIATE_MASK = 0x0f;
const DONE = 0x00;
const SET_TYPE_IMM = 0x10;
const SET_SEGMENT_AND_OFFSET_ULEB = 0x20;
const ADD_ADDR_ULEB = 0x30;
const ADD_ADDR_IMM_SCALED = 0x40;
const DO_REBASE_IMM_TIMES = 0x50;
const DO_REBASE_ULEB_TIMES = 0x60;
const DO_REBASE_ADD_ADDR_ULEB = 0x70;
const DO_REBASE_ULEB_TIMES_SKIPPING_ULEB = 0x80;
/** The other types patch 32-bit text operands, which hold no pointer a data scan reads. */
const REBASE_TYPE_POINTER = 1;

/** What the opcodes update as they run: the current segment, the offset in it, and the rebase type. */
interface RebaseState {
  segment: ExeSegment | null;
  offset: number;
  type: number;
}

export interface RebaseContext {
  reader: ByteReader;
  segments: ExeSegment[];
  pointerSize: 4 | 8;
  /** The word stored at an address, or null when the address has no file bytes. */
  storedAt: (address: number) => Uint8Array | null;
}

/** The opcode stream being run: where operands are read from and where they must end. */
interface Program {
  ctx: RebaseContext;
  state: RebaseState;
  end: number;
  out: FixupCollector;
}

/**
 * Runs LC_DYLD_INFO's rebase program. A rebased slot holds the unslid address in the file, so the stored word is
 * the target; the program says which words are pointers. Every slot must lie inside its segment, which also
 * bounds the repeat counts; a bad opcode or slot ends the walk with a FormatError, keeping the slots before it.
 */
export function readRebaseOpcodes(ctx: RebaseContext, data: LinkeditData, out: FixupCollector): void {
  ctx.reader.check(data.offset, data.size, 'rebase opcodes');
  const program: Program = { ctx, state: { segment: null, offset: 0, type: 0 }, end: data.offset + data.size, out };
  for (let at = data.offset; at < program.end;) {
    const next = runOpcode(program, at);
    if (next === null) return;
    at = next;
  }
}

function uleb(program: Program, at: number): { value: number; next: number } {
  const read = program.ctx.reader.uvarint(at);
  if (read.next > program.end) throw new FormatError(at, `rebase operand at ${hex(at)} runs past the opcodes`);
  return read;
}

/** Runs the opcode at `opAt`; the offset of the next one, or null at DONE. */
function runOpcode(program: Program, opAt: number): number | null {
  const { ctx, state } = program;
  const byte = ctx.reader.u8(opAt);
  const immediate = byte & IMMEDIATE_MASK;
  const at = opAt + 1;
  switch (byte & OPCODE_MASK) {
    case DONE:
      return null;
    case SET_TYPE_IMM:
      state.type = immediate;
      return at;
    case SET_SEGMENT_AND_OFFSET_ULEB: {
      state.segment = ctx.segments[immediate] ?? null;
      if (!state.segment) throw new FormatError(opAt, `rebase names segment ${immediate}, which does not exist`);
      const offset = uleb(program, at);
      state.offset = offset.value;
      return offset.next;
    }
    case ADD_ADDR_ULEB: {
      const step = uleb(program, at);
      state.offset += step.value;
      return step.next;
    }
    case ADD_ADDR_IMM_SCALED:
      state.offset += immediate * ctx.pointerSize;
      return at;
    default:
      return runRebase(program, byte, opAt);
  }
}

/** The four opcodes that rebase: a count of slots and the distance between them, from immediates or ulebs. */
function runRebase(program: Program, byte: number, opAt: number): number {
  const pointerSize = program.ctx.pointerSize;
  const at = opAt + 1;
  const rebase = (count: number, stride: number): void => {
    for (let i = 0; i < count; i++) {
      rebaseSlot(program.ctx, program.state, opAt, program.out);
      program.state.offset += stride;
    }
  };
  switch (byte & OPCODE_MASK) {
    case DO_REBASE_IMM_TIMES:
      rebase(byte & IMMEDIATE_MASK, pointerSize);
      return at;
    case DO_REBASE_ULEB_TIMES: {
      const count = uleb(program, at);
      rebase(count.value, pointerSize);
      return count.next;
    }
    case DO_REBASE_ADD_ADDR_ULEB: {
      const step = uleb(program, at);
      rebase(1, step.value + pointerSize);
      return step.next;
    }
    case DO_REBASE_ULEB_TIMES_SKIPPING_ULEB: {
      const count = uleb(program, at);
      const skip = uleb(program, count.next);
      rebase(count.value, skip.value + pointerSize);
      return skip.next;
    }
    default:
      throw new FormatError(opAt, `unknown rebase opcode ${hex(byte)} at ${hex(opAt)}`);
  }
}

function rebaseSlot(ctx: RebaseContext, state: RebaseState, opAt: number, out: FixupCollector): void {
  const segment = state.segment;
  if (!segment) throw new FormatError(opAt, `rebase at ${hex(opAt)} before any segment was set`);
  if (state.offset + ctx.pointerSize > segment.memSize) {
    throw new FormatError(opAt, `rebase at ${hex(opAt)} reaches offset ${hex(state.offset)}, past ${segment.type}`);
  }
  if (state.type !== REBASE_TYPE_POINTER) return;
  const slot = segment.address + state.offset;
  const bytes = ctx.storedAt(slot);
  if (!bytes || bytes.length < ctx.pointerSize)
    throw new FormatError(opAt, `rebased slot ${hex(slot)} is not in the file`);
  const target = storedWord(bytes, ctx.pointerSize, ctx.reader.littleEndian);
  if (target === null) throw new FormatError(opAt, `rebased slot ${hex(slot)} holds no address`);
  out.add(slot, target, opAt);
}
