import type { CallSites, DataRefs } from './types';

/**
 * Growable typed columns. A large binary has hundreds of thousands of call sites; appending to typed arrays that
 * double when full keeps the pass free of per-instruction objects.
 */
const INITIAL_ROWS = 1024;

/** `column`, or a copy at least twice as long when it holds fewer than `rows`. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(column: T, rows: number): T {
  if (rows <= column.length) return column;
  const bigger = new (column.constructor as new (n: number) => T)(Math.max(rows, column.length * 2));
  bigger.set(column);
  return bigger;
}

export class CallColumns {
  count = 0;
  pc = new Float64Array(INITIAL_ROWS);
  caller = new Int32Array(INITIAL_ROWS);
  callee = new Int32Array(INITIAL_ROWS);

  add(pc: number, caller: number, callee: number): void {
    const row = this.count++;
    if (row >= this.pc.length) {
      this.pc = grown(this.pc, row + 1);
      this.caller = grown(this.caller, row + 1);
      this.callee = grown(this.callee, row + 1);
    }
    this.pc[row] = pc;
    this.caller[row] = caller;
    this.callee[row] = callee;
  }

  /** Exact-length columns; frames start as -1 (own code) until inline trees say otherwise. */
  finish(): CallSites {
    const n = this.count;
    return {
      count: n,
      pc: this.pc.slice(0, n),
      caller: this.caller.slice(0, n),
      frame: new Int32Array(n).fill(-1),
      callee: this.callee.slice(0, n),
    };
  }
}

/** How an instruction uses the address it names: takes it (LEA, ADRP+ADD) or reads/writes the value there. */
export const ACCESS_ADDRESS = 0;
export const ACCESS_VALUE = 1;

export class RefColumns {
  count = 0;
  pc = new Float64Array(INITIAL_ROWS);
  caller = new Int32Array(INITIAL_ROWS);
  target = new Float64Array(INITIAL_ROWS);
  length = new Int32Array(INITIAL_ROWS);
  access = new Uint8Array(INITIAL_ROWS);

  add(pc: number, caller: number, target: number, length: number, access: number): void {
    const row = this.count++;
    if (row >= this.pc.length) {
      this.pc = grown(this.pc, row + 1);
      this.caller = grown(this.caller, row + 1);
      this.target = grown(this.target, row + 1);
      this.length = grown(this.length, row + 1);
      this.access = grown(this.access, row + 1);
    }
    this.pc[row] = pc;
    this.caller[row] = caller;
    this.target[row] = target;
    this.length[row] = length;
    this.access[row] = access;
  }

  finish(isFunction: Uint8Array, callee: Int32Array): DataRefs {
    const n = this.count;
    return {
      count: n,
      pc: this.pc.slice(0, n),
      caller: this.caller.slice(0, n),
      frame: new Int32Array(n).fill(-1),
      target: this.target.slice(0, n),
      length: this.length.slice(0, n),
      isFunction,
      access: this.access.slice(0, n),
      callee,
    };
  }
}
