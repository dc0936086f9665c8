import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, fixture, gosymFuncs, truth } from '../../../test/fixtures';
import type { Exe } from '../formats/exe';
import { readFunctions, type TableFunction } from './functions';
import { findPclntab, type Pclntab } from './pclntab';
import { exeOf, goTextSymbols, readelfSection, runtimeText, truthText } from './testing/exes';
import { resolveTextStart, type TextStart } from './textstart';

interface Parsed {
  exe: Exe;
  table: Pclntab;
  textStart: TextStart;
  functions: TableFunction[];
}

const parsed = new Map<string, Parsed>();
beforeAll(() => {
  for (const name of FIXTURES) {
    if (name === 'darwin-fat') continue;
    const bytes = fixture(name);
    const exe = exeOf(bytes);
    const table = findPclntab(exe, bytes)!;
    const textStart = resolveTextStart(table, exe, bytes);
    parsed.set(name, { exe, table, textStart, functions: readFunctions(table, textStart.address) });
  }
});

/** Fixtures with Go's own debug/gosym function list (truth/<name>.funcs.tsv, written by go/dumpexe). */
const WITH_GOSYM = FIXTURES.filter((name) => truthText(`${name}.funcs.tsv`) !== null);
/** Fixtures with Go text symbols (`go tool nm`); the -s -w, strip -s and mips builds have none. */
const WITH_NM = FIXTURES.filter((name) => name !== 'darwin-fat' && truthText(`${name}.gonm.txt`) !== null);
/** linux-amd64-strip is linux-amd64 after `strip -s` (build.sh), so it has linux-amd64's addresses. */
const SYMBOLS_OF: Record<string, string> = { 'linux-amd64-strip': 'linux-amd64' };

/**
 * gosym computes entries as textArg + entryOff, with the textArg dumpexe passes: the ELF .text address
 * (readelf -SW), the Mach-O __text address, and 0 for PE. The true base is runtime.text (`go tool nm`): it
 * differs in the cgo build, where the external linker put C code before the Go text, and in PE, where dumpexe
 * passes 0. Fixtures without symbols are internally linked without cgo, where runtime.text is .text's start.
 */
function gosymShift(name: string): number {
  const base = runtimeText(SYMBOLS_OF[name] ?? name);
  if (base === null) return 0;
  if (name.startsWith('windows-')) return base;
  if (name.startsWith('darwin-')) {
    const sections = (JSON.parse(truth(`${name}.dump.json`)) as { sections: { name: string; address: number }[] })
      .sections;
    return base - sections.find((s) => s.name === '__TEXT,__text')!.address;
  }
  return base - readelfSection(name, '.text')!.address;
}

describe('functions against debug/gosym', () => {
  it('covers the stripped builds too', () => {
    expect(WITH_GOSYM).toEqual(expect.arrayContaining(['linux-amd64-sw', 'linux-amd64-strip', 'linux-mips']));
  });

  it('shifts only the cgo and PE lists', () => {
    expect(gosymShift('linux-amd64')).toBe(0);
    // go tool nm: runtime.text 0x4023a0; readelf -SW: .text 0x4022a0 (C start-up code comes first).
    expect(gosymShift('linux-amd64-cgo')).toBe(0x100);
    expect(gosymShift('windows-amd64.exe')).toBe(0x401000);
  });

  it.each(WITH_GOSYM)('%s: names, entries, sizes and files equal', (name) => {
    const shift = gosymShift(name);
    const expected = gosymFuncs(name).map((f) => ({
      name: f.name,
      entry: f.entry + shift,
      size: f.size,
      file: f.file,
    }));
    const actual = parsed.get(name)!.functions.map((f) => ({ ...f, file: f.file ?? '' }));
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
  });

  it.each(WITH_GOSYM)('%s: header counts agree with the list', (name) => {
    const { table, functions } = parsed.get(name)!;
    expect(table.nfunc).toBe(gosymFuncs(name).length);
    const distinctFiles = new Set(functions.map((f) => f.file).filter((f) => f !== null));
    expect(distinctFiles.size).toBeLessThanOrEqual(table.nfiles);
    expect(distinctFiles.size).toBeGreaterThan(table.nfiles / 2);
  });
});

/**
 * `go tool nm` lists the Go text symbols. To compare: keep those inside [runtime.text, runtime.etext) (cgo
 * builds also list C functions, which pclntab does not describe) and drop the runtime.text marker itself; drop
 * the ".abi0" suffix nm gives assembly functions; elide bracketed text as the linker does in pclntab names
 * ("type..eq.[5]internal/cpu.option" is stored "type..eq.[...]internal/cpu.option"); and drop the leading '_'
 * Mach-O gives package-less assembly symbols ("_gogo").
 */
function normalizedNmSymbols(name: string): string[] {
  const symbols = goTextSymbols(name);
  const start = symbols.find((s) => s.name === 'runtime.text')!.address;
  const end = symbols.find((s) => s.name === 'runtime.etext')!.address;
  return symbols
    .filter((s) => s.address >= start && s.address < end && s.name !== 'runtime.text')
    .map((s) => {
      let fn = s.name.replace(/\.abi0$/, '');
      const open = fn.indexOf('[');
      if (open >= 0) fn = `${fn.slice(0, open)}[...]${fn.slice(fn.lastIndexOf(']') + 1)}`;
      if (name.startsWith('darwin-') && fn.startsWith('_') && !fn.includes('.')) fn = fn.slice(1);
      return `${s.address.toString(16)} ${fn}`;
    })
    .sort();
}

describe('functions against go tool nm', () => {
  it.each(WITH_NM)('%s: every Go text symbol, at its address', (name) => {
    const actual = parsed
      .get(name)!
      .functions.map((f) => `${f.entry.toString(16)} ${f.name}`)
      .sort();
    expect(actual).toEqual(normalizedNmSymbols(name));
  });
});

describe('location and text start', () => {
  it('finds .gopclntab where readelf puts it, and the relro-named one in the PIE build', () => {
    expect(parsed.get('linux-amd64')!.table.fileOffset).toBe(readelfSection('linux-amd64', '.gopclntab')!.offset);
    expect(parsed.get('linux-amd64-pie')!.table.fileOffset).toBe(
      readelfSection('linux-amd64-pie', '.data.rel.ro.gopclntab')!.offset,
    );
  });

  it('finds the same table by magic scan alone', () => {
    const bytes = fixture('linux-s390x'); // big-endian
    const scanned = findPclntab(null, bytes)!;
    expect(scanned.fileOffset).toBe(readelfSection('linux-s390x', '.gopclntab')!.offset);
    expect(scanned.reader.littleEndian).toBe(false);
    expect(readFunctions(scanned, scanned.textStart)).toEqual(parsed.get('linux-s390x')!.functions);
  });

  it('reads the stripped 386 PE (no symbols, no debug/gosym truth) by scanning .rdata', () => {
    const { table, functions, textStart } = parsed.get('windows-386.exe')!;
    expect(table.layout.magic).toBe(0xfffffff0);
    // objdump -h windows-386.exe: .text VMA 00401000, where Go's internal linker puts its first function.
    const textVma = parseInt(/\.text\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(truth('windows-386.exe.objdump-h.txt'))![1]!, 16);
    expect(textStart).toEqual({ address: textVma, source: 'header' });
    expect(functions[0]!.entry).toBe(textVma);
    expect(functions.length).toBe(table.nfunc);
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(['go.buildid', 'main.main', 'runtime.main']));
  });

  it('takes 1.19 text starts from the header', () => {
    for (const name of ['linux-amd64', 'linux-amd64-cgo', 'darwin-arm64']) {
      expect(parsed.get(name)!.textStart).toEqual({ address: runtimeText(name), source: 'header' });
    }
  });
});
