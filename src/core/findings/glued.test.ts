import { describe, expect, it } from 'vitest';
import type { DataRefs } from '../code/types';
import type { Finding, FoundString } from '../report/types';
import { extractStrings } from '../strings/index';
import { goLayout, goLayoutExe, literalAddress } from '../strings/testing/go-layout';
import { CORPUS_CHUNK_CHARS, StringCorpus } from './corpus';
import { analyzeFindings } from './index';
import { bareReport, stringsOf } from './testing/synthetic-exe';

// Two literals that read as one assignment once the linker puts them side by side.
const GLUED = ['Invalid token: ', 'Zq8vX2mK9rT4pL6wN3sB', 'InvalidARN'];

function findingsFor(strings: FoundString[], file: Uint8Array = new Uint8Array(0)): Finding[] {
  return analyzeFindings({ exe: null, file, report: bareReport(), strings }).findings;
}

const generic = (findings: Finding[]): Finding[] => findings.filter((f) => f.id === 'secret.generic');

describe('glued literals', () => {
  it('would read as a hard-coded secret if they were one literal', () => {
    expect(generic(findingsFor(stringsOf([GLUED.join('')])))).toHaveLength(1);
  });

  it('never make one finding when string headers tell them apart', () => {
    const file = goLayout(GLUED);
    const strings = extractStrings(goLayoutExe(file), file);
    expect(strings.filter((s) => s.kind === 'literal').map((s) => s.value)).toEqual(GLUED);
    expect(generic(findingsFor(strings, file))).toEqual([]);
  });

  it('never make one finding when code references tell them apart', () => {
    const file = goLayout(GLUED, 64, true, []);
    const refs: DataRefs = {
      count: 3,
      pc: Float64Array.of(1, 2, 3),
      caller: Int32Array.of(0, 0, 0),
      frame: Int32Array.of(-1, -1, -1),
      target: Float64Array.from(GLUED, (_, i) => literalAddress(GLUED, i)),
      length: Int32Array.from(GLUED, (s) => s.length),
      isFunction: new Uint8Array(3),
      access: new Uint8Array(3),
      callee: Int32Array.of(-1, -1, -1),
    };
    const strings = extractStrings(goLayoutExe(file), file, { code: { refs, referrer: () => 'main.main' } });
    expect(strings.filter((s) => s.kind === 'literal')).toHaveLength(3);
    expect(generic(findingsFor(strings, file))).toEqual([]);
  });

  it('never make one finding when no reference explains them: other text is not read by the generic rule', () => {
    const file = goLayout(GLUED, 64, true, []);
    const strings = extractStrings(goLayoutExe(file), file);
    expect(strings).toEqual([expect.objectContaining({ value: GLUED.join(''), kind: 'other' })]);
    expect(generic(findingsFor(strings, file))).toEqual([]);
  });

  it('other text is still read by rules whose match proves itself, like a token prefix', () => {
    const token = 'ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000';
    const findings = findingsFor(stringsOf([`see ${token} here`], '.rodata', 'other'));
    expect(findings.map((f) => f.id)).toContain('secret.github-token');
    expect(findings.find((f) => f.id === 'secret.github-token')!.evidence[0]!.offset).toBe(0x1000 + 4);
  });
});

describe('the findings corpus', () => {
  it('searches more text than one JavaScript string can hold, in bounded pieces', () => {
    // 9000 strings of 64 KiB: 590M characters joined, past V8's longest string (2^29 - 24).
    const block = 'x'.repeat(64 * 1024);
    const strings: FoundString[] = Array.from({ length: 9000 }, (_, i) => ({
      value: i === 8999 ? `${block.slice(20)}AKIAFAKEFAKEFAKE7EXA` : block,
      offset: i * 0x10000,
      section: '.rodata',
      encoding: 'ascii',
      kind: 'other',
      length: 0x10000,
    }));
    expect(9000 * (block.length + 1)).toBeGreaterThan(2 ** 29);
    const corpus = new StringCorpus(strings);
    const hits = [...corpus.matches(/AKIA[A-Z0-9]{16}/g)];
    expect(hits.map((h) => h.offset)).toEqual([8999 * 0x10000 + block.length - 20]);
    expect(corpus.find('AKIAFAKE')).toBe(8999 * 0x10000 + block.length - 20);
    expect(CORPUS_CHUNK_CHARS).toBeLessThan(2 ** 29);
  });
});
