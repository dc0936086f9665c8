import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildBinary } from '../../../test/fixtures';
import { parseElf } from '../formats/elf';
import type { Exe } from '../formats/exe';
import type { GoReport } from '../report/types';
import { analyzeGo } from './index';
import type { Diagnostic } from '../io/errors';

/**
 * esbuild's linux-x64 binary from node_modules: Go 1.26, stripped, and without a build-info header, so build info
 * has to be carved and the version found elsewhere. `go version -m` (Go 1.19 here) cannot serve as truth: it
 * prints "could not read Go build info from …: not a Go executable" (and exits 0).
 *
 * Expected values, read with external tools:
 *  - `strings -a esbuild` shows the module text (the lines below, in this order);
 *  - `strings -a esbuild | grep -E '^go1\.'` shows go1.26.5;
 *  - `readelf -SW esbuild`: .text at 0x401000, size 0x5a51b1; .gopclntab at file offset 0x6f6e80; .go.module
 *    present (Go 1.26's moduledata section).
 */
const MODINFO_FROM_STRINGS = [
  'path\tgithub.com/evanw/esbuild/cmd/esbuild',
  'mod\tgithub.com/evanw/esbuild\t(devel)\t',
  'dep\tgolang.org/x/sys\tv0.0.0-20220715151400-c0bba94af5f8\th1:0A+M6Uqn+Eje4kHMK80dtF3JCXC4ykBgQG4Fe06QRhQ=',
  'build\t-buildmode=exe',
  'build\t-compiler=gc',
  'build\t-trimpath=true',
  'build\tDefaultGODEBUG=asynctimerchan=1,containermaxprocs=0,cryptocustomrand=1,decoratemappings=0,' +
    'gotestjsonbuildtext=1,gotypesalias=0,httpcookiemaxnum=0,httplaxcontentlength=1,httpmuxgo121=1,' +
    'httpservecontentkeepheaders=1,multipathtcp=0,netedns0=0,panicnil=1,randseednop=0,rsa1024min=0,tls10server=1,' +
    'tls3des=1,tlsmlkem=0,tlsrsakex=1,tlssecpmlkem=0,tlssha1=1,tlsunsafeekm=1,updatemaxprocs=0,urlmaxqueryparams=0,' +
    'urlstrictcolons=0,winreadlinkvolume=0,winsymlink=0,x509keypairleaf=0,x509negativeserial=1,x509rsacrt=0,' +
    'x509sha256skid=0,x509usepolicies=0',
  'build\tCGO_ENABLED=0',
  'build\tGOARCH=amd64',
  'build\tGOOS=linux',
  'build\tGOAMD64=v1',
];
const TEXT_START = 0x401000;
const TEXT_SIZE = 0x5a51b1;
const PCLNTAB_OFFSET = 0x6f6e80;

let exe: Exe;
let go: GoReport;
let diagnostics: Diagnostic[];
let elapsed: number;

beforeAll(() => {
  const bytes = esbuildBinary();
  exe = parseElf(bytes)!;
  const started = performance.now();
  ({ go: go!, diagnostics } = analyzeGo(exe, bytes) as { go: GoReport; diagnostics: Diagnostic[] });
  elapsed = performance.now() - started;
});

describe('esbuild (Go 1.26, stripped, no build-info header)', () => {
  it('analyses in well under a second', () => {
    expect(elapsed).toBeLessThan(1000);
    expect(diagnostics).toEqual([]);
  });

  it('carves the build info from between the modinfo sentinels', () => {
    const info = go.buildInfo!;
    expect(info.source).toBe('carved');
    expect(info.path).toBe(MODINFO_FROM_STRINGS[0]!.split('\t')[1]);
    expect(info.main).toEqual({ path: 'github.com/evanw/esbuild', version: '(devel)', sum: '' });
    expect(info.deps).toEqual([
      {
        path: 'golang.org/x/sys',
        version: 'v0.0.0-20220715151400-c0bba94af5f8',
        sum: 'h1:0A+M6Uqn+Eje4kHMK80dtF3JCXC4ykBgQG4Fe06QRhQ=',
        replace: null,
      },
    ]);
    const settings = MODINFO_FROM_STRINGS.filter((l) => l.startsWith('build\t')).map((l) => {
      const [key, ...value] = l.slice('build\t'.length).split('=');
      return { key: key!, value: value.join('=') };
    });
    expect(info.settings).toEqual(settings);
  });

  it('recovers go1.26.5 from the strings, within the pclntab band', () => {
    expect(go.version).toBe('go1.26.5');
    expect(go.versionSource).toBe('strings');
    expect(go.pclntab).toMatchObject({ magic: '0xfffffff1', goVersionRange: '1.20+', offset: PCLNTAB_OFFSET });
  });
});

describe('esbuild functions, packages and modules', () => {
  it('places every function inside .text (entries from moduledata.text, since the header says 0)', () => {
    const entries = go.functions.map((f) => parseInt(f.entry, 16));
    expect(entries[0]).toBe(TEXT_START);
    const outside = go.functions.filter(
      (f, i) => entries[i]! < TEXT_START || entries[i]! + f.size > TEXT_START + TEXT_SIZE,
    );
    const unordered = entries.filter((entry, i) => i > 0 && entry < entries[i - 1]!);
    expect(outside).toEqual([]);
    expect(unordered).toEqual([]);
  });

  it('lists a sane number of functions with the expected names', () => {
    expect(go.functions.length).toBe(go.pclntab!.functionCount);
    expect(go.functions.length).toBeGreaterThan(5_000);
    expect(go.functions.length).toBeLessThan(100_000);
    expect(go.pclntab!.fileCount).toBeGreaterThan(100);
    const names = go.functions.map((f) => f.name);
    expect(names).toContain('main.main');
    expect(names).toContain('runtime.main');
    expect(names.some((n) => n.startsWith('github.com/evanw/esbuild/internal/js_parser.'))).toBe(true);
    // -trimpath: source files are module-relative.
    expect(go.functions.find((f) => f.name === 'main.main')!.file).toMatch(
      /^github\.com\/evanw\/esbuild\/cmd\/esbuild\//,
    );
  });

  it('groups packages into the main module, golang.org/x/sys and std', () => {
    expect(go.modules.map((m) => [m.path, m.origin, m.version])).toEqual([
      ['github.com/evanw/esbuild', 'main', '(devel)'],
      ['golang.org/x/sys', 'recorded', 'v0.0.0-20220715151400-c0bba94af5f8'],
      ['std', 'std', 'go1.26.5'],
    ]);
    const classOf = (path: string): string | undefined => go.packages.find((p) => p.path === path)?.class;
    expect(classOf('github.com/evanw/esbuild/internal/js_parser')).toBe('main');
    expect(classOf('golang.org/x/sys/unix')).toBe('third-party');
    for (const pkg of go.packages.filter((p) =>
      /^(internal\/runtime\/|crypto\/internal\/fips140|iter$|unique$|weak$)/.test(p.path),
    )) {
      expect(pkg.class, pkg.path).toBe('std');
    }
    const total = go.functions.reduce((sum, f) => sum + f.size, 0);
    expect(go.modules.reduce((sum, m) => sum + m.size, 0)).toBe(total);
  });
});
