import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import { analyze } from '../analyze';
import type { Finding, FoundString } from '../report/types';
import { DEFAULT_MIN_LENGTH } from './index';

/** One literal of the fixture sources, as go/parser read it (test/fixtures/go/literals/lister). */
interface SourceLiteral {
  dir: string;
  file: string;
  package: string;
  line: number;
  /** The function declared around it, "" at package level. */
  func: string;
  /** The package variable it is the whole value of, "" otherwise. */
  var: string;
  hex: string;
  value: string;
}

const sourceLiterals: SourceLiteral[] = truth('literals.jsonl')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as SourceLiteral);

const bytesOf = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
const latin1 = new TextDecoder('latin1');

/** Every file offset where the bytes sit. */
function occurrences(text: string, bytes: Uint8Array): number[] {
  const needle = latin1.decode(bytes);
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Literals of go/literals/program that only code refers to, by the way the program uses them: arguments, switch
 * cases, a small map and a package error built in init. No header in data marks their ends; the instruction pass
 * does, when it sees the length next to the pointer (a LEA, then a MOV of the length into the next argument).
 */
const CODE_ONLY_PAIRED = [
  'alpha-key-name',
  'beta-key-name',
  '/srv/fixture/',
  'Invalid path %q',
  'forbidden-marker',
  'Invalid token: %s',
  'kind-regular-file',
  'done with the literal fixture\n',
];
/**
 * Code-only literals whose length no instruction shows next to the pointer (go tool objdump shows why): set before
 * the LEA (switch results), stored to memory after it (map values, errors.New inlined in init), or moved a few
 * instructions later (concatstring2's second operand). Their neighbours in the length-sorted string data bound
 * them (bounded.ts).
 */
const CODE_ONLY_BOUNDED = [
  'alpha value text',
  'beta value text',
  'requested item was not found',
  'Invalid token: ',
  'a directory on disk',
  'a regular file on disk',
  'something else entirely',
];
const CODE_ONLY = new Set([...CODE_ONLY_PAIRED, ...CODE_ONLY_BOUNDED]);

const FIXTURES = [
  { binary: 'literals-linux-amd64', dir: 'literals/program', codeOnly: CODE_ONLY },
  { binary: 'leaky-linux-amd64', dir: 'leaky', codeOnly: new Set<string>() },
];

for (const { binary, dir, codeOnly } of FIXTURES) {
  describe(`Go literals of ${binary} against its sources`, () => {
    let strings: FoundString[];
    let findings: Finding[];
    let text: string;
    // The main package's literals long enough to list, whose bytes survive compilation (a constant folded into
    // code or overwritten by -X leaves none).
    const expected = sourceLiterals.filter(
      (l) => l.dir === dir && l.package === 'main' && [...l.value].length >= DEFAULT_MIN_LENGTH,
    );

    beforeAll(async () => {
      const file = fixture(binary);
      text = latin1.decode(file);
      ({
        strings,
        report: { findings },
      } = await analyze(file, { fileName: binary }));
    });

    it('has main-package literals to check', () => {
      expect(expected.length).toBeGreaterThanOrEqual(10);
    });

    it('lists each of them as one Go literal, with its exact bytes, start and length', () => {
      const literals = strings.filter((s) => s.kind === 'literal');
      const missing: string[] = [];
      for (const source of expected) {
        const bytes = bytesOf(source.hex);
        const places = occurrences(text, bytes);
        if (places.length === 0) continue;
        const hit = literals.find((s) => places.includes(s.offset) && s.length === bytes.length);
        if (!hit || hit.value !== source.value)
          missing.push(`${source.file}:${source.line} ${JSON.stringify(source.value)}`);
        // What only code refers to is named by the function whose code loads it (and the one it is inlined in).
        else if (codeOnly.has(source.value) && source.func) {
          // describe's last return value is loaded by main's own code once describe is inlined there.
          const loader = source.value === 'something else entirely' ? 'main.main' : `main.${source.func}`;
          expect(hit.referencedBy).toContain(loader);
        }
        // A package variable's literal is named by the variable, whose header `go tool nm` places in data.
        else if (source.var) {
          expect(truth(`${binary}.gonm.txt`)).toMatch(new RegExp(` [DdBb] main\\.${source.var}$`, 'm'));
          expect(hit.referencedBy).toBe(`main.${source.var}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('keeps what only code refers to inside one string, and a literal around it is a literal of the sources', () => {
      const known = new Set(sourceLiterals.map((l) => l.value));
      for (const literal of codeOnly) {
        // A newline ends a printable run, so other text holds the literal up to it.
        const value = literal.trimEnd();
        const inside = strings.filter((s) => s.value.includes(value));
        expect(inside.length, value).toBeGreaterThan(0);
        for (const s of inside) if (s.kind === 'literal') expect(known.has(s.value), s.value).toBe(true);
      }
    });

    it('lists no literal that spans two literals of the sources', () => {
      const known = new Set(sourceLiterals.map((l) => l.value));
      const glued = strings
        .filter((s) => s.kind === 'literal' && !known.has(s.value))
        .filter((s) => expected.some((l) => s.value.includes(l.value)));
      expect(glued.map((s) => s.value)).toEqual([]);
    });

    it('finds no hard-coded secret that is not a planted one', () => {
      const generic = findings.filter((f) => f.id === 'secret.generic');
      const planted = binary === 'leaky-linux-amd64' ? 1 : 0;
      expect(generic).toHaveLength(planted);
    });
  });
}

describe("esbuild's real Go 1.26 binary (stripped, no build-info header)", () => {
  const path = 'node_modules/@esbuild/linux-x64/bin/esbuild';
  it.skipIf(!existsSync(path))(
    'has its literals cut apart and no hard-coded secret made of glued ones',
    async () => {
      const file = new Uint8Array(readFileSync(path));
      const { strings, report } = await analyze(file, { fileName: 'esbuild' });
      const literals = strings.filter((s) => s.kind === 'literal');
      expect(literals.length).toBeGreaterThan(1000);
      // Every literal is exactly the bytes it names, inside .rodata, never overlapping the next.
      for (let i = 1; i < literals.length; i++) {
        expect(literals[i]!.offset).toBeGreaterThanOrEqual(literals[i - 1]!.offset + literals[i - 1]!.length);
      }
      expect(new Set(literals.map((s) => s.section))).toEqual(new Set(['.rodata']));
      expect(report.findings.filter((f) => f.id === 'secret.generic')).toEqual([]);
    },
    60_000,
  );
});
