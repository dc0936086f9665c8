import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzOptions } from '../../../test/fuzz';
import type { DataRefs } from '../code/types';
import type { ExeSymbol } from '../formats/exe';
import type { FoundString } from '../report/types';
import { extractStrings } from './index';
import { DATA, goLayout, goLayoutExe, literalAddress, RODATA } from './testing/go-layout';
import { MAX_STRING_BYTES, stringValue } from './values';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const literalsOf = (found: FoundString[]): FoundString[] => found.filter((s) => s.kind === 'literal');

function symbol(name: string, address: number, size: number): ExeSymbol {
  return { name, address, size, kind: 'object', dynamic: false };
}

/** Data references as the instruction pass reports them: one per [address, length, caller]. */
function dataRefs(rows: [number, number, number][], isFunction: number[] = []): DataRefs {
  return {
    count: rows.length,
    pc: Float64Array.from(rows, (_, i) => 0x400000 + 8 * i),
    caller: Int32Array.from(rows, (r) => r[2]),
    frame: Int32Array.from(rows, () => -1),
    target: Float64Array.from(rows, (r) => r[0]),
    length: Int32Array.from(rows, (r) => r[1]),
    isFunction: Uint8Array.from(rows, (_, i) => (isFunction.includes(i) ? 1 : 0)),
    access: new Uint8Array(rows.length),
    callee: Int32Array.from(rows, (_, i) => (isFunction.includes(i) ? 0 : -1)),
  };
}

describe('Go literals from string headers', () => {
  const LITERALS = ['Invalid path %q', 'Invalid token: ', 'InvalidARN', 'ok'];

  it('reports each literal with its exact start, length and the variable that holds its header', () => {
    const file = goLayout(LITERALS);
    const symbols = [symbol('main.defaults', DATA.address, 32), symbol('main..stmp_7', DATA.address + 32, 32)];
    const found = extractStrings(goLayoutExe(file, 64, true, { symbols }), file);
    expect(literalsOf(found)).toEqual([
      {
        value: LITERALS[0],
        offset: RODATA.offset,
        section: '.rodata',
        encoding: 'go',
        kind: 'literal',
        length: 15,
        referencedBy: 'main.defaults',
      },
      {
        value: LITERALS[1],
        offset: RODATA.offset + 15,
        section: '.rodata',
        encoding: 'go',
        kind: 'literal',
        length: 15,
        referencedBy: 'main.defaults',
      },
      {
        value: LITERALS[2],
        offset: RODATA.offset + 30,
        section: '.rodata',
        encoding: 'go',
        kind: 'literal',
        length: 10,
        referencedBy: 'main',
      },
    ]);
  });

  it('names the header by section and address when the binary has no symbols', () => {
    const file = goLayout(LITERALS);
    const found = literalsOf(extractStrings(goLayoutExe(file), file));
    expect(found.map((s) => s.referencedBy)).toEqual(['.data 0x1200', '.data 0x1210', '.data 0x1220']);
  });

  it('cuts at a literal too short to list, so nothing listed spans two literals', () => {
    const glued = ['key=', 'Zq8vX2mK9rT4pL6w', 'abc', 'trailing text'];
    const file = goLayout(glued, 64, true, [0, 2]);
    const found = extractStrings(goLayoutExe(file), file);
    expect(found.map((s) => [s.value, s.kind])).toEqual([
      ['Zq8vX2mK9rT4pL6w', 'other'],
      ['trailing text', 'other'],
    ]);
  });

  it('keeps the longer of two literals that overlap in part: a short look-alike header loses', () => {
    const file = goLayout(['Xquick brown fox']);
    const view = new DataView(file.buffer);
    // A stray pair pointing one byte before the real literal's second character, 3 bytes long.
    view.setBigUint64(DATA.offset + 16, BigInt(RODATA.address), true);
    view.setBigUint64(DATA.offset + 24, 3n, true);
    view.setBigUint64(DATA.offset + 32, BigInt(RODATA.address + 1), true);
    view.setBigUint64(DATA.offset + 40, 15n, true);
    view.setBigUint64(DATA.offset, 0n, true);
    const found = literalsOf(extractStrings(goLayoutExe(file), file));
    expect(found.map((s) => s.value)).toEqual(['quick brown fox']);
  });
});

describe('Go literals from code references', () => {
  const LITERALS = ['unexpected EOF in header', 'Invalid token: ', 'open config: %w'];
  const names = ['main.main', 'main.parse', 'net/http.(*Client).Do'];
  const code = (refs: DataRefs) => ({ refs, referrer: (i: number) => names[refs.caller[i]!] ?? null });

  it('reports the literal a LEA and a length point at, with the function that loads it', () => {
    const file = goLayout(LITERALS, 64, true, []);
    const refs = dataRefs([
      [literalAddress(LITERALS, 1), 15, 1],
      [literalAddress(LITERALS, 0), 24, 0],
      [literalAddress(LITERALS, 2), 15, 2],
    ]);
    const found = literalsOf(extractStrings(goLayoutExe(file), file, { code: code(refs) }));
    expect(found.map((s) => [s.value, s.offset, s.length, s.referencedBy])).toEqual([
      [LITERALS[0], RODATA.offset, 24, 'main.main'],
      [LITERALS[1], RODATA.offset + 24, 15, 'main.parse'],
      [LITERALS[2], RODATA.offset + 39, 15, 'net/http.(*Client).Do'],
    ]);
  });

  it('prefers the function over the header holder, and ignores references that are no string', () => {
    const file = goLayout(LITERALS, 64, true, [0]);
    const refs = dataRefs(
      [
        [literalAddress(LITERALS, 0), 24, 1],
        [literalAddress(LITERALS, 1), -1, 0], // no length seen
        [literalAddress(LITERALS, 2), 15, 0], // a function value, not a string
        [RODATA.address + 0xf0, 0x40, 0], // runs past the end of .rodata
      ],
      [2],
    );
    const found = extractStrings(goLayoutExe(file), file, { code: code(refs) });
    expect(literalsOf(found).map((s) => [s.value, s.referencedBy])).toEqual([[LITERALS[0], 'main.parse']]);
    expect(found.filter((s) => s.kind === 'other').map((s) => s.value)).toEqual([LITERALS[1]! + LITERALS[2]!]);
  });
});

describe('hostile code references', () => {
  it('are skipped, never thrown on: unmapped, huge, negative, fractional and NaN targets and lengths', () => {
    const file = goLayout(['some literal text'], 64, true, []);
    const refs = dataRefs([
      [Number.NaN, 5, 0],
      [-1, 5, 0],
      [2 ** 53, 5, 0],
      [RODATA.address + 0.5, 5, 0],
      [RODATA.address, 2 ** 31 - 1, 0],
      [RODATA.address, 0, 0],
      [0xdead0000, 5, 0],
      [RODATA.address, 12, 7], // sound, but made by a caller past the function list
    ]);
    const names = ['main.main'];
    const found = extractStrings(goLayoutExe(file), file, {
      code: { refs, referrer: (i) => names[refs.caller[i]!] ?? null },
    });
    expect(found.map((s) => [s.value, s.kind, s.referencedBy])).toEqual([['some literal', 'literal', null]]);
  });
});

describe('string values', () => {
  it('caps what is read of a long run on a character boundary and keeps its length', () => {
    const bytes = text('é'.repeat(MAX_STRING_BYTES));
    const { value, truncated } = stringValue(bytes, 1, bytes.length, 'utf8');
    expect(truncated).toBe(true);
    // Byte 1 is a continuation byte of the first 'é'; the value starts at the next whole character.
    expect(value.startsWith('\ufffd')).toBe(true);
    expect(value.slice(1)).toBe('é'.repeat(MAX_STRING_BYTES / 2 - 1));
    const found = extractStrings(null, bytes);
    expect(found).toEqual([expect.objectContaining({ offset: 0, length: bytes.length, truncated: true })]);
    expect(found[0]!.value).toBe('é'.repeat(MAX_STRING_BYTES / 2));
  });
});

describe('fuzz (fixed seed)', () => {
  const literal = fc.string({ unit: fc.constantFrom(...'abcXYZ09 :=%é'), minLength: 1, maxLength: 12 });
  it('every string is the file bytes it names, and nothing overlaps a literal', () => {
    fc.assert(
      fc.property(fc.array(literal, { maxLength: 12 }), fc.array(fc.nat(11)), (literals, headers) => {
        const file = goLayout(literals, 64, true, [...new Set(headers.filter((i) => i < literals.length))]);
        const found = extractStrings(goLayoutExe(file), file, { minLength: 3 });
        let end = 0;
        let literalEnd = 0;
        for (const s of found) {
          expect(s.offset).toBeGreaterThanOrEqual(s.kind === 'literal' ? end : literalEnd);
          expect(text(s.value)).toEqual(file.subarray(s.offset, s.offset + s.length));
          end = Math.max(end, s.offset + s.length);
          if (s.kind === 'literal') literalEnd = s.offset + s.length;
        }
      }),
      fuzzOptions(200, 20261201),
    );
  });
});
