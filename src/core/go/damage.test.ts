import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../test/fixtures';
import type { Exe } from '../formats/exe';
import { FormatError, type Diagnostic } from '../io/errors';
import type { GoReport } from '../report/types';
import { readBuildInfo } from './buildinfo';
import { analyzeGo } from './index';
import { findPclntab } from './pclntab';
import { exeOf, readelfSection } from './testing/exes';

/**
 * Hostile inputs made from linux-amd64 (Go 1.19, amd64): each must end fast, as diagnostics, with the rest of
 * the Go analysis still returned. Offsets come from readelf -SW; the header layouts from GO-FORMATS.md.
 */
const NAME = 'linux-amd64';
let original: Uint8Array;
let buildInfoAt: number;
let pclntabAt: number;

beforeAll(() => {
  original = fixture(NAME);
  buildInfoAt = readelfSection(NAME, '.go.buildinfo')!.offset;
  pclntabAt = readelfSection(NAME, '.gopclntab')!.offset;
});

interface Outcome {
  go: GoReport | null;
  diagnostics: Diagnostic[];
  milliseconds: number;
}

function damaged(mutate: (bytes: Uint8Array, view: DataView) => void): Outcome {
  const bytes = original.slice();
  mutate(bytes, new DataView(bytes.buffer));
  const started = performance.now();
  const { go, diagnostics } = analyzeGo(exeOf(bytes), bytes);
  return { go, diagnostics, milliseconds: performance.now() - started };
}

function messages(outcome: Outcome, source: string): string {
  return outcome.diagnostics
    .filter((d) => d.source === source)
    .map((d) => d.message)
    .join('\n');
}

/** pclntab header word i (after the magic word) of this 64-bit table; 1.18 layout: nfunc, nfiles, textStart, … */
const headerWord = (i: number): number => pclntabAt + 8 + i * 8;
const INLINE_VERSION = 32;

describe('damaged build info', () => {
  it('flipped magic: the module text is carved from runtime.modinfo, the version found elsewhere', () => {
    const outcome = damaged((bytes) => {
      bytes[buildInfoAt]! ^= 0xff;
    });
    expect(outcome.go!.buildInfo).toMatchObject({ source: 'carved', path: 'example.com/hello' });
    expect(outcome.go!.version).toBe('go1.19.8');
    expect(outcome.go!.versionSource).toBe('strings');
    expect(outcome.go!.functions.length).toBe(1210);
  });

  it('a module-text length past the section: diagnostic, version kept, text carved', () => {
    const outcome = damaged((bytes) => {
      const modinfoLength = buildInfoAt + INLINE_VERSION + 1 + 'go1.19.8'.length;
      bytes.set([0xff, 0x7f], modinfoLength);
    });
    expect(messages(outcome, 'buildinfo')).toMatch(/module info length 16383/);
    expect(outcome.go!.version).toBe('go1.19.8');
    expect(outcome.go!.versionSource).toBe('buildinfo');
    expect(outcome.go!.buildInfo!.path).toBe('example.com/hello');
  });

  it('a 2^40 version length is refused before anything is sliced', () => {
    const outcome = damaged((bytes) => bytes.set([0x80, 0x80, 0x80, 0x80, 0x80, 0x20], buildInfoAt + INLINE_VERSION));
    expect(messages(outcome, 'buildinfo')).toMatch(/length 1099511627776 .* larger than the data/);
    expect(outcome.go!.version).toBe('go1.19.8');
    expect(outcome.milliseconds).toBeLessThan(1000);
  });

  it('a varint that never ends', () => {
    const outcome = damaged((bytes) =>
      bytes.fill(0xff, buildInfoAt + INLINE_VERSION, buildInfoAt + INLINE_VERSION + 16),
    );
    expect(messages(outcome, 'buildinfo')).toMatch(/varint .* longer than 8 bytes/);
    expect(outcome.go!.buildInfo!.source).toBe('carved');
  });

  it('a file cut inside the module text', () => {
    const diagnostics: Diagnostic[] = [];
    const cut = original.subarray(0, buildInfoAt + INLINE_VERSION + 40);
    const result = readBuildInfo(null, cut, diagnostics);
    expect(diagnostics.map((d) => d.message).join()).toMatch(/module info length/);
    expect(result!.version).toBe('go1.19.8');
    expect(result!.info.source).toBe('carved'); // runtime.modinfo's copy sits earlier in the file
  });
});

describe('damaged pclntab', () => {
  it('flipped magic: diagnostic, no functions, build info intact', () => {
    const outcome = damaged((bytes) => {
      bytes[pclntabAt]! ^= 0xff;
    });
    expect(messages(outcome, 'pclntab')).toMatch(/unknown pclntab magic/);
    expect(outcome.go!.pclntab).toBeNull();
    expect(outcome.go!.functions).toEqual([]);
    expect(outcome.go!.buildInfo!.path).toBe('example.com/hello');
    expect(outcome.go!.version).toBe('go1.19.8');
  });

  it('nfunc = 2^31', () => {
    const outcome = damaged((_, view) => view.setBigUint64(headerWord(0), 2n ** 31n, true));
    expect(messages(outcome, 'pclntab')).toMatch(/function count 2147483648 is out of range/);
    expect(outcome.go!.buildInfo).not.toBeNull();
    expect(outcome.milliseconds).toBeLessThan(1000);
  });

  it('a sub-table offset pointing outside the table', () => {
    const outcome = damaged((_, view) => view.setBigUint64(headerWord(3), 0x7fffffffn, true));
    expect(messages(outcome, 'pclntab')).toMatch(/out of order or out of bounds/);
  });
});

describe('damaged pclntab records', () => {
  it('one record offset pointing outside: that function is skipped and reported', () => {
    const outcome = damaged((_, view) => {
      const functab = pclntabAt + Number(view.getBigUint64(headerWord(7), true));
      view.setUint32(functab + 8 * 5 + 4, 0xfffffff0, true);
    });
    expect(outcome.go!.functions.length).toBe(1209);
    expect(outcome.diagnostics.filter((d) => d.level === 'warning' && d.source === 'pclntab').length).toBe(1);
  });

  it('every record offset looping back to the first record', () => {
    const outcome = damaged((_, view) => {
      const functab = pclntabAt + Number(view.getBigUint64(headerWord(7), true));
      const first = view.getUint32(functab + 4, true);
      for (let i = 1; i < 1210; i++) view.setUint32(functab + 8 * i + 4, first, true);
    });
    expect(outcome.go!.functions.length).toBe(1210);
    expect(new Set(outcome.go!.functions.map((f) => f.name)).size).toBe(1);
    expect(outcome.milliseconds).toBeLessThan(1000);
  });

  it('pc-value tables that never advance the pc', () => {
    const outcome = damaged((bytes, view) => {
      const pctab = pclntabAt + Number(view.getBigUint64(headerWord(6), true));
      const functab = pclntabAt + Number(view.getBigUint64(headerWord(7), true));
      for (let at = pctab + 1; at + 1 < functab; at += 2) bytes.set([0x02, 0x00], at);
    });
    expect(messages(outcome, 'pclntab')).toMatch(/does not end|function records could not be read/);
    expect(outcome.go!.functions.length).toBeGreaterThan(0);
    expect(outcome.milliseconds).toBeLessThan(1000);
  });
});

describe('truncation', () => {
  it('at every 1/64 of the file: only FormatErrors from the pieces, never from analyzeGo', () => {
    const started = performance.now();
    for (let part = 1; part < 64; part++) {
      const cut = original.subarray(0, Math.floor((original.length * part) / 64));
      for (const piece of [() => readBuildInfo(null, cut), () => findPclntab(null, cut)]) {
        try {
          piece();
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
        }
      }
      let exe: Exe | null = null;
      try {
        exe = exeOf(cut);
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError); // the ELF reader's own verdict on a cut file
      }
      if (exe) expect(() => analyzeGo(exe!, cut)).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
