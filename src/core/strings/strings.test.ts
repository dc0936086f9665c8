import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binDir, fixture, truth } from '../../../test/fixtures';
import type { Diagnostic } from '../io/errors';
import { parseElf } from '../formats/elf/index';
import { syntheticExe } from '../findings/testing/synthetic-exe';
import { goLayout, goLayoutExe } from './testing/go-layout';
import { extractStrings } from './index';
import { locateLiterals } from './literals';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

const LITERALS = ['jobs done!', 'AKIAFAKEFAKEFAKE7EXA', 'Egyptian_Hieroglyphs', 'grüße, welt'];

describe('extractStrings on Go literal layouts', () => {
  for (const [bits, little] of [
    [64, true],
    [32, false],
  ] as const) {
    it(`cuts Go's glued literals at their headers (${bits}-bit, ${little ? 'little' : 'big'}-endian)`, () => {
      const file = goLayout(LITERALS, bits, little);
      const exe = goLayoutExe(file, bits, little);
      const go = extractStrings(exe, file).filter((s) => s.encoding === 'go');
      expect(go.map((s) => s.value)).toEqual(LITERALS);
      expect(go.map((s) => s.section)).toEqual(LITERALS.map(() => '.rodata'));
      expect(go[1]!.offset).toBe(0x100 + LITERALS[0]!.length);
      const merged = extractStrings(null, file);
      expect(merged[0]!.value).toBe(new TextDecoder().decode(text(LITERALS.join(''))));
    });
  }
});

describe('extractStrings on raw runs', () => {
  it('finds ASCII and UTF-8 runs with their file offsets', () => {
    const file = new Uint8Array([0, ...text('short'), 0, ...text('long enough'), 1, 2, ...text('héllo wörld'), 0xff]);
    const found = extractStrings(null, file);
    expect(found).toEqual([
      { value: 'long enough', offset: 7, section: null, encoding: 'ascii', kind: 'other', length: 11 },
      { value: 'héllo wörld', offset: 20, section: null, encoding: 'utf8', kind: 'other', length: 13 },
    ]);
    expect(extractStrings(null, file, { minLength: 4 }).map((s) => s.value)).toContain('short');
  });

  it('finds UTF-16LE runs in PE files only', () => {
    const wide = new Uint8Array([...text('Hello, wide world')].flatMap((b) => [b, 0]));
    const file = new Uint8Array([7, ...wide, 0, 0]);
    const pe = extractStrings(syntheticExe(file, { format: 'pe' }), file);
    expect(pe.filter((s) => s.encoding === 'utf16le')).toEqual([
      { value: 'Hello, wide world', offset: 1, section: null, encoding: 'utf16le', kind: 'other', length: 34 },
    ]);
    expect(extractStrings(syntheticExe(file), file).some((s) => s.encoding === 'utf16le')).toBe(false);
  });

  it('stops at the cap and says so', () => {
    const file = text(Array.from({ length: 50 }, (_, i) => `string number ${i}`).join('\0'));
    const diagnostics: Diagnostic[] = [];
    const found = extractStrings(null, file, { maxStrings: 10, diagnostics });
    expect(found).toHaveLength(10);
    expect(diagnostics).toEqual([expect.objectContaining({ level: 'warning', source: 'strings' })]);
  });
});

describe('extractStrings against readelf and strings(1)', () => {
  it('names the section readelf gives for each offset', () => {
    const file = fixture('linux-amd64');
    const found = extractStrings(parseElf(file), file);
    const rows = [
      ...truth('linux-amd64.readelf-S.txt').matchAll(/\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)/g),
    ]
      .filter((m) => m[2] !== 'NOBITS')
      .map((m) => ({ name: m[1]!, start: parseInt(m[3]!, 16), end: parseInt(m[3]!, 16) + parseInt(m[4]!, 16) }));
    for (const s of found.filter((_, i) => i % 50 === 0)) {
      const holder = rows.find((r) => s.offset >= r.start && s.offset < r.end);
      expect(s.section, `${s.offset}`).toBe(holder?.name ?? null);
    }
  });

  it.skipIf(!existsSync('/usr/bin/strings'))('covers every string `strings -a -n 6` prints in .rodata', () => {
    const path = join(binDir, 'linux-amd64');
    const rodata = /\.rodata\s+PROGBITS\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)/.exec(
      truth('linux-amd64.readelf-S.txt'),
    )!;
    const [start, end] = [parseInt(rodata[1]!, 16), parseInt(rodata[1]!, 16) + parseInt(rodata[2]!, 16)];
    const printed = execFileSync('/usr/bin/strings', ['-a', '-n', '6', '-t', 'd', path], {
      encoding: 'latin1',
      maxBuffer: 1 << 26,
    })
      .split('\n')
      .map((line) => /^\s*(\d+) (.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ offset: Number(m[1]), length: m[2]!.length }))
      .filter((s) => s.offset >= start && s.offset < end);
    const file = fixture('linux-amd64');
    const exe = parseElf(file)!;
    const covered = new Uint8Array(file.length);
    for (const s of extractStrings(exe, file)) covered.fill(1, s.offset, s.offset + s.length);
    // Literals shorter than the minimum are not listed, but their references explain their bytes.
    for (const literal of locateLiterals(exe, file, 0)) covered.fill(1, literal.start, literal.end);
    expect(printed.length).toBeGreaterThan(100);
    // Cutting at literal boundaries may drop pieces shorter than the minimum; nothing longer may go missing.
    for (const s of printed) {
      let gap = 0;
      for (let at = s.offset; at < s.offset + s.length; at++) {
        gap = covered[at] ? 0 : gap + 1;
        expect(gap, `strings offset ${s.offset}`).toBeLessThan(6);
      }
    }
  });
});
