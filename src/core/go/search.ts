/**
 * Multi-byte searches over file bytes. Uint8Array.indexOf only finds one byte, so each search jumps between
 * occurrences of the needle's rarest-looking byte and confirms the rest there: the scanning itself stays in
 * native code, and a per-byte JavaScript loop never runs over a whole file.
 */

/** How common a byte value is in executables, roughly: lower is rarer and makes a better anchor. */
function commonness(value: number): number {
  if (value === 0x00) return 100;
  if (value === 0xff) return 90;
  if (value === 0x20) return 60;
  if (value >= 0x61 && value <= 0x7a) return 50; // lowercase letters
  if (value >= 0x30 && value <= 0x39) return 40; // digits
  if (value >= 0x80) return 5;
  return 20;
}

/** The needle's rarest-looking byte; ties go to the first. */
export function anchorIndex(needle: Uint8Array): number {
  let best = 0;
  for (let i = 1; i < needle.length; i++) {
    if (commonness(needle[i]!) < commonness(needle[best]!)) best = i;
  }
  return best;
}

function matchesAt(hay: Uint8Array, needle: Uint8Array, at: number): boolean {
  for (let i = 0; i < needle.length; i++) {
    if (hay[at + i] !== needle[i]) return false;
  }
  return true;
}

/**
 * Calls `visit` with the start of every occurrence of `needle` in `hay` whose index is a multiple of `align`,
 * in ascending order, until `visit` returns true (found what it wanted) or the bytes end.
 * Returns the index `visit` accepted, or -1.
 */
export function eachMatch(hay: Uint8Array, needle: Uint8Array, align: number, visit: (at: number) => boolean): number {
  return eachMatchOf(hay, [needle], align, (at) => visit(at));
}

/**
 * The same for several needles that share their anchor byte value (a magic in both byte orders): one pass over
 * the bytes serves them all. Matches come in ascending order of the anchor's position.
 */
export function eachMatchOf(
  hay: Uint8Array,
  needles: readonly Uint8Array[],
  align: number,
  visit: (at: number, needle: number) => boolean,
): number {
  const anchors = needles.map(anchorIndex);
  const anchorByte = needles[0]![anchors[0]!]!;
  if (needles.some((needle, i) => needle[anchors[i]!] !== anchorByte)) {
    throw new Error('eachMatchOf: needles must share their anchor byte');
  }
  for (let from = 0; ;) {
    const hit = hay.indexOf(anchorByte, from);
    if (hit < 0) return -1;
    for (let i = 0; i < needles.length; i++) {
      const needle = needles[i]!;
      const start = hit - anchors[i]!;
      if (start < 0 || start + needle.length > hay.length || start % align !== 0) continue;
      if (matchesAt(hay, needle, start) && visit(start, i)) return start;
    }
    from = hit + 1;
  }
}

/** The first occurrence of `needle` at or after `from`, or -1. */
export function findBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  if (from >= hay.length) return -1;
  const at = eachMatch(hay.subarray(from), needle, 1, () => true);
  return at < 0 ? -1 : at + from;
}

export function bytesOf(hexText: string): Uint8Array {
  const clean = hexText.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}
