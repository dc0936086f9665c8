import { describe, expect, it } from 'vitest';
import { esbuildBinary, truth } from '../../../test/fixtures';
import { parseElf } from '../formats/elf';
import { analyzeGo } from './index';
import { isGenerated, packagesOf } from './packages';

/**
 * Every package path read from a real binary's function names must be a real import path. Truth:
 *  - the committed fixtures' function names come from Go's debug/gosym (dumpexe, *.funcs.tsv);
 *  - real paths come from the go command: `go list std` for linux, windows and darwin, and `go list -deps` of
 *    the fixtures' programs (test/fixtures/build-graph.sh);
 *    (windows-386.exe is left out: it is built with -s -w, and debug/gosym finds no table in it to list);
 *  - package main is spelled "main" in symbols, and "go:", "type:" and "" are the documented pseudo-packages.
 */
const FUNCS = [
  'linux-amd64',
  'linux-amd64-cgo',
  'linux-386',
  'linux-arm',
  'linux-s390x',
  'linux-mips',
  'windows-amd64.exe',
  'darwin-amd64',
  'darwin-arm64',
  'leaky-linux-amd64',
  'multimod-linux-amd64',
];

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}

function goListPaths(): Set<string> {
  const paths = new Set([...lines(truth('go-std-packages.txt')), ...lines(truth('fixture-import-paths.txt'))]);
  for (const match of truth('multimod-linux-amd64.golist.json').matchAll(/^\t"ImportPath": "([^"]+)"/gm)) {
    paths.add(match[1]!);
  }
  return paths;
}

function isPseudo(path: string): boolean {
  return path === 'main' || isGenerated(path);
}

describe('package paths of the fixtures are real import paths', () => {
  const real = goListPaths();

  it.each(FUNCS)('%s', (name) => {
    const names = lines(truth(`${name}.funcs.tsv`)).map((line) => line.split('\t')[2]!);
    const derived = new Set(packagesOf(names));
    const bogus = [...derived].filter((path) => !isPseudo(path) && !real.has(path));
    expect(bogus).toEqual([]);
    expect(derived.size).toBeGreaterThan(10);
  });

  it('reads the tricky names of the module-graph fixture as the go command names their packages', () => {
    const names = lines(truth('multimod-linux-amd64.funcs.tsv')).map((line) => line.split('\t')[2]!);
    const byName = new Map(names.map((n, i) => [n, packagesOf(names)[i]!]));
    // Wrappers of beta's unexported method in embed, by value and by pointer, and in an anonymous struct.
    expect(byName.get('example.com/embed.Outer.example.com/beta.hidden')).toBe('example.com/embed');
    expect(byName.get('example.com/embed.(*Outer).example.com/beta.hidden')).toBe('example.com/embed');
    expect(byName.get('go.(*struct { *example.com/beta.Inner }).example.com/beta.hidden')).toBe('go:');
    expect(byName.get('example.com/text%2ev2.Title')).toBe('example.com/text.v2');
    expect(byName.get('example.com/gen.Map[...]')).toBe('example.com/gen');
  });
});

/**
 * esbuild (Go 1.26, trimpath) has no `go list` here. Its real paths: the directories of the source files its
 * pclntab names (trimpath records "internal/sync/hashtriemap.go" and "golang.org/x/sys@v…/unix/…"), the Go 1.19
 * standard library, and three newer standard packages whose code sits in files of other packages (linkname and
 * inlining), each checked in golang/go's source tree: iter (src/iter/iter.go), internal/synctest
 * (src/internal/synctest/synctest.go), crypto/internal/fips140deps/time (src/crypto/internal/fips140deps/time).
 */
const NEWER_STD = ['iter', 'internal/synctest', 'crypto/internal/fips140deps/time'];

describe('package paths of esbuild are real import paths', () => {
  it('every package is a source directory of the binary or a standard package', () => {
    const bytes = esbuildBinary();
    const go = analyzeGo(parseElf(bytes)!, bytes).go!;
    const real = new Set([...lines(truth('go-std-packages.txt')), ...NEWER_STD]);
    for (const fn of go.functions) {
      if (!fn.file || fn.file.startsWith('<')) continue;
      real.add(fn.file.replace(/\/[^/]*$/, '').replace(/@[^/]*/, ''));
    }
    const derived = new Set(go.functions.map((fn) => fn.package));
    const bogus = [...derived].filter((path) => !isPseudo(path) && !real.has(path));
    expect(bogus).toEqual([]);
    expect(derived.size).toBeGreaterThan(150);
  });
});
