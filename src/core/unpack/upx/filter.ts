import { FormatError } from '../../io/errors';

/**
 * UPX's "ctok32" call-trick filters. Before compressing code, UPX rewrites the 32-bit relative displacement of
 * each x86 CALL (E8), JMP (E9) and, for 0x49, Jcc (0F 80..8F) whose target lies inside the block into the
 * absolute target, stored big-endian with the top byte set to a marker (`cto`) that no unconverted displacement
 * starts with. Absolute targets repeat across call sites, so the block compresses better. Undoing it walks the
 * block the same way and turns every marked displacement back into a relative one.
 */
const CTOK32 = new Set([0x46, 0x49]);

/** Whether this filter id is one we can undo. */
export function knownFilter(id: number): boolean {
  return id === 0 || CTOK32.has(id);
}

/** True at a byte the filter looks at: a call or jump opcode, or (0x49) the second byte of a Jcc. */
function isBranch(b: Uint8Array, at: number, lastCall: number, withJcc: boolean): boolean {
  const op = b[at]!;
  if (op === 0xe8 || op === 0xe9) return true;
  return withJcc && lastCall !== at && at > 0 && b[at - 1] === 0x0f && op >= 0x80 && op <= 0x8f;
}

/** Undoes filter `id` on one block in place; `cto` is the block header's marker byte. */
export function unfilter(id: number, cto: number, block: Uint8Array): void {
  if (id === 0) return;
  if (!CTOK32.has(id)) throw new FormatError(0, `UPX filter 0x${id.toString(16)} is not supported`);
  const withJcc = (id & 0xf) >= 9;
  const marker = (cto << 24) >>> 0;
  const end = block.length - 5;
  let lastCall = 0;
  for (let at = 0; at < end; at++) {
    if (!isBranch(block, at, lastCall, withJcc) || block[at + 1] !== cto) continue;
    const p = at + 1;
    const target = ((block[p]! << 24) | (block[p + 1]! << 16) | (block[p + 2]! << 8) | block[p + 3]!) >>> 0;
    const relative = (target - at - 1 - marker) >>> 0;
    block[p] = relative & 0xff;
    block[p + 1] = (relative >>> 8) & 0xff;
    block[p + 2] = (relative >>> 16) & 0xff;
    block[p + 3] = relative >>> 24;
    at += 4;
    lastCall = at + 1;
  }
}
