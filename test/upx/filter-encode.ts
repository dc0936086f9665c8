import { unfilter } from '../../src/core/unpack/upx/filter';

/**
 * The forward ctok32 filter for the test packer, from the filter's definition: CALL/JMP (and Jcc for 0x49)
 * displacements whose target lies inside the block become big-endian absolute targets under a marker byte that
 * no other branch displacement starts with. Returns the marker, or null when every byte value is taken.
 */
export function filterCtok32(id: 0x46 | 0x49, block: Uint8Array): number | null {
  if (block.length >= 1 << 24 || block.length < 6) return null;
  const withJcc = id === 0x49;
  const branchLike = (at: number, lastCall: number): boolean => {
    const op = block[at]!;
    if (op === 0xe8 || op === 0xe9) return true;
    return withJcc && lastCall !== at && at > 0 && block[at - 1] === 0x0f && op >= 0x80 && op <= 0x8f;
  };
  // Which displacements become absolute does not depend on the marker, so walk once to decide, then choose a
  // marker no displacement left relative starts with.
  const taken = new Set<number>();
  const converted: number[] = [];
  let lastCall = 0;
  for (let at = 0; at < block.length - 5; at++) {
    if (!branchLike(at, lastCall)) continue;
    const p = at + 1;
    const relative = (block[p]! | (block[p + 1]! << 8) | (block[p + 2]! << 16) | (block[p + 3]! << 24)) >>> 0;
    if ((relative + at + 1) >>> 0 >= block.length) {
      taken.add(block[p]!);
      continue;
    }
    converted.push(at);
    at += 4;
    lastCall = at + 1;
  }
  const cto = [...Array(256).keys()].reverse().find((v) => !taken.has(v));
  if (cto === undefined) return null;
  const original = block.slice();
  for (const at of converted) {
    const p = at + 1;
    const relative = (block[p]! | (block[p + 1]! << 8) | (block[p + 2]! << 16) | (block[p + 3]! << 24)) >>> 0;
    const stored = (((relative + at + 1) >>> 0) + (cto << 24)) >>> 0;
    block[p] = stored >>> 24;
    block[p + 1] = (stored >>> 16) & 0xff;
    block[p + 2] = (stored >>> 8) & 0xff;
    block[p + 3] = stored & 0xff;
  }
  // The packer must never write a block the format cannot undo: check the round trip here.
  const check = block.slice();
  unfilter(id, cto, check);
  if (!Buffer.from(check).equals(Buffer.from(original))) throw new Error('ctok32 filter did not round-trip');
  return cto;
}
