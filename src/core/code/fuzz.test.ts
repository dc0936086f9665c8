import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import { fuzzOptions } from '../../../test/fuzz';
import { parseExecutable } from '../formats/detect';
import type { Exe } from '../formats/exe';
import { analyzeGo } from '../go/index';
import { fakeExe } from '../go/testing/fake-exe';
import { followCode } from './index';
import type { CodeFacts } from './types';

/**
 * Seeded fuzzing. Decoders: random bytes as the code of random functions, on every architecture the pass reads;
 * whatever the bytes, every call must name a function entry from inside its caller, every reference a data address
 * or an entry. Inline reader: byte flips in the pclntab and read-only data of a stripped build (inline trees found
 * through moduledata); the pass may only report, never throw, and the frames it keeps must form a forest.
 */
const CODE_BASE = 0x1000;
const DATA_BASE = 0x10000;
const DATA_SIZE = 0x1000;

function syntheticExe(code: Uint8Array, arch: string): Exe {
  const file = new Uint8Array(code.length + DATA_SIZE);
  file.set(code);
  const exe = fakeExe(file, [
    { name: '.text', kind: 'code', address: CODE_BASE, offset: 0, size: code.length },
    { name: '.rodata', kind: 'rodata', address: DATA_BASE, offset: code.length, size: DATA_SIZE },
  ]);
  return { ...exe, arch, bits: arch === 'x86_64' || arch === 'arm64' ? 64 : 32 };
}

/** Functions cut from the code at sorted, distinct, aligned offsets. */
function functionsAt(cuts: number[], length: number, align: number) {
  const starts = [...new Set([0, ...cuts.map((c) => (c % length) - ((c % length) % align))])].sort((a, b) => a - b);
  return starts.map((start, i) => ({
    name: `f${i}`,
    entry: CODE_BASE + start,
    size: (starts[i + 1] ?? length) - start,
  }));
}

/** Rows that break the rules, as readable strings (empty when all hold). */
function badRows(code: CodeFacts, functions: { entry: number; size: number }[]): string[] {
  const { calls, refs } = code;
  const bad: string[] = [];
  for (let row = 0; row < calls.count; row++) {
    const caller = functions[calls.caller[row]!]!;
    const pc = calls.pc[row]!;
    if (!functions[calls.callee[row]!] || pc < caller.entry || pc >= caller.entry + caller.size)
      bad.push(`call ${row}`);
  }
  for (let row = 0; row < refs.count; row++) {
    const target = refs.target[row]!;
    const inData = target >= DATA_BASE && target < DATA_BASE + DATA_SIZE;
    const length = refs.length[row]!;
    if (!inData && !functions.some((f) => f.entry === target)) bad.push(`ref ${row} target`);
    if (length !== -1 && !(length > 0 && length <= 1 << 20)) bad.push(`ref ${row} length`);
    if ((refs.isFunction[row] === 1) !== refs.callee[row]! >= 0) bad.push(`ref ${row} function`);
  }
  return bad;
}

/** Writes a call to `target` (and, every other time, an address load of data) at `at`, in the arch's encoding. */
function plant(code: Uint8Array, arch: string, at: number, target: number, data: number): void {
  const view = new DataView(code.buffer, code.byteOffset, code.byteLength);
  const pc = CODE_BASE + at;
  if (arch === 'x86_64' || arch === 'i386') {
    if (at + 12 > code.length) return;
    code[at] = 0xe8;
    view.setInt32(at + 1, target - (pc + 5), true);
    code.set([0x48, 0x8d, 0x05], at + 5); // LEAQ disp32(IP), AX
    view.setInt32(at + 8, arch === 'x86_64' ? data - (pc + 12) : data, true);
    return;
  }
  if (at + 12 > code.length) return;
  if (arch === 'arm64') {
    view.setUint32(at, (0x94000000 | (((target - pc) / 4) & 0x3ffffff)) >>> 0, true);
    const pages = Math.floor(data / 4096) - Math.floor((pc + 4) / 4096);
    view.setUint32(at + 4, (0x90000000 | ((pages & 3) << 29) | (((pages >> 2) & 0x7ffff) << 5)) >>> 0, true);
    view.setUint32(at + 8, (0x91000000 | ((data % 4096) << 10)) >>> 0, true);
  } else {
    view.setUint32(at, (0xeb000000 | (((target - pc - 8) / 4) & 0xffffff)) >>> 0, true);
  }
}

describe('decoders on random bytes', () => {
  it.each([
    ['x86_64', 1],
    ['i386', 1],
    ['arm64', 4],
    ['arm', 4],
  ] as const)('%s', (arch, align) => {
    const found = { calls: 0, refs: 0 };
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 600 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(DATA_SIZE - 1)), { maxLength: 8 }),
        (bytes, cuts, plants) => {
          const code = bytes.slice(0, bytes.length - (bytes.length % 4));
          const functions = functionsAt(cuts, code.length, align);
          for (const [at, callee, data] of plants) {
            const target = functions[callee % functions.length]!.entry;
            plant(code, arch, (at % code.length) - ((at % code.length) % align), target, DATA_BASE + data);
          }
          const exe = syntheticExe(code, arch);
          const facts = followCode(exe, null, functions, code);
          expect(facts.arch).toBe(arch);
          expect(badRows(facts, functions)).toEqual([]);
          found.calls += facts.calls.count;
          found.refs += facts.refs.count;
        },
      ),
      fuzzOptions(150),
    );
    // The planted instructions make sure the rules above were checked on rows, not on empty columns.
    expect(found.calls).toBeGreaterThan(50);
    if (arch !== 'arm') expect(found.refs).toBeGreaterThan(20);
  });
});

describe('inline trees under byte flips', () => {
  const intact = fixture('inlined-linux-amd64-sw');
  const exe = parseExecutable(intact)!.exes[0]!;
  const regions = exe.sections
    .filter((s) => s.name === '.gopclntab' || s.name === '.rodata')
    .map((s) => ({ offset: s.offset, size: s.fileSize }));

  it('never throws, and keeps only frames whose parents come first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(regions.length - 1), fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 24,
        }),
        (flips) => {
          const bytes = intact.slice();
          for (const [region, at, mask] of flips) {
            const { offset, size } = regions[region]!;
            bytes[offset + (at % size)]! ^= mask;
          }
          const damaged = parseExecutable(bytes)!.exes[0]!;
          const go = analyzeGo(damaged, bytes);
          if (!go.pclntab) return;
          const code = followCode(damaged, go.pclntab, go.tableFunctions!, bytes);
          const inline = code.inline;
          if (!inline) return;
          const badFrames = inline.name.filter((name, f) => inline.parent[f]! >= f || name.length === 0);
          expect(badFrames).toEqual([]);
          expect(code.calls.frame.every((frame) => frame < inline.count)).toBe(true);
        },
      ),
      fuzzOptions(30),
    );
  });
});
