import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../test/fixtures';
import type { Exe } from '../formats/exe';
import type { Finding, Report, Verdict } from '../report/types';
import { analyzeFindings } from './index';
import { analyzeFixture } from './testing/fixture-report';
import { bareReport, syntheticExe } from './testing/synthetic-exe';

const verdictOf = (verdicts: Verdict[], id: string): Verdict | undefined => verdicts.find((v) => v.id === id);
const ids = (findings: Finding[]): string[] => findings.map((f) => f.id);

function run(
  exe: Exe,
  report: Report = bareReport({ format: exe.format }),
): { findings: Finding[]; verdicts: Verdict[] } {
  return analyzeFindings({ exe, file: new Uint8Array(0), report, strings: [] });
}

/** The highest GLIBC_x.y that `readelf -V` lists under .gnu.version_r. */
function readelfGlibcMax(name: string): string {
  const versions = [...truth(`${name}.readelf-V.txt`).matchAll(/Name: GLIBC_([0-9.]+)/g)].map((m) => m[1]!);
  const key = (v: string): number[] => v.split('.').map(Number);
  return versions.sort((a, b) => key(a)[0]! - key(b)[0]! || (key(a)[1] ?? 0) - (key(b)[1] ?? 0)).at(-1)!;
}

describe('hardening and portability on the fixtures', () => {
  it('linux-amd64 is ET_EXEC, so not PIE', async () => {
    expect(truth('linux-amd64.readelf-l.txt')).toContain('Elf file type is EXEC');
    const { findings, verdicts } = await analyzeFixture('linux-amd64', fixture('linux-amd64'));
    expect(verdictOf(verdicts, 'pie')?.status).toBe('fail');
    expect(findings.find((f) => f.id === 'hardening.no-pie')?.severity).toBe('low');
    expect(verdictOf(verdicts, 'nx')?.status).toBe('pass');
    expect(verdictOf(verdicts, 'canary')?.status).toBe('n/a');
    expect(verdictOf(verdicts, 'canary')?.reason).toMatch(/stack bounds/);
    expect(verdictOf(verdicts, 'scratch')?.status).toBe('pass');
    expect(verdictOf(verdicts, 'centos7')?.status).toBe('pass');
  });

  it('linux-amd64-pie is ET_DYN, so PIE', async () => {
    expect(truth('linux-amd64-pie.readelf-l.txt')).toContain('Elf file type is DYN');
    const { findings, verdicts } = await analyzeFixture('linux-amd64-pie', fixture('linux-amd64-pie'));
    expect(verdictOf(verdicts, 'pie')?.status).toBe('pass');
    expect(ids(findings)).not.toContain('hardening.no-pie');
    expect(verdictOf(verdicts, 'canary')?.status).toBe('n/a');
  });
});

describe('cgo fixture linkage', () => {
  it('the cgo build is dynamic against glibc, needing the highest version readelf -V lists', async () => {
    const glibcMax = readelfGlibcMax('linux-amd64-cgo');
    const { findings, verdicts, report } = await analyzeFixture('linux-amd64-cgo', fixture('linux-amd64-cgo'));
    expect(report.linkage?.libc).toBe('glibc');
    expect(report.linkage?.glibcMax).toBe(glibcMax);
    expect(verdictOf(verdicts, 'centos7')).toMatchObject({ status: 'fail', value: `GLIBC_${glibcMax}` });
    expect(verdictOf(verdicts, 'scratch')?.status).toBe('fail');
    expect(verdictOf(verdicts, 'alpine')?.status).toBe('fail');
    expect(findings.find((f) => f.id === 'portability.glibc-too-new')?.evidence[0]?.value).toBe(`GLIBC_${glibcMax}`);
    expect(findings.find((f) => f.id === 'portability.dynamic')?.severity).toBe('info');
    const hasRelro = truth('linux-amd64-cgo.readelf-l.txt').includes('GNU_RELRO');
    const bindNow = /BIND_NOW|FLAGS.*NOW/.test(truth('linux-amd64-cgo.readelf-d.txt'));
    expect(verdictOf(verdicts, 'relro')?.value).toBe(hasRelro ? (bindNow ? 'full' : 'partial') : 'none');
    const canary = truth('linux-amd64-cgo.nm.txt').includes('__stack_chk_fail');
    expect(verdictOf(verdicts, 'canary')?.status).toBe(canary ? 'pass' : 'warn');
  });

  it('windows-amd64.exe gets PE verdicts and no Linux portability verdicts', async () => {
    const { verdicts } = await analyzeFixture('windows-amd64.exe', fixture('windows-amd64.exe'));
    expect(verdicts.filter((v) => v.group === 'hardening').map((v) => v.id)).toEqual([
      'pie',
      'aslr-high-entropy',
      'nx',
      'cfg',
      'canary',
    ]);
    expect(verdicts.filter((v) => v.group === 'portability').every((v) => v.status === 'n/a')).toBe(true);
  });
});

describe('hardening on hand-built inputs', () => {
  it('an executable stack is high, RPATH/RUNPATH medium, text relocations medium', () => {
    const exe = syntheticExe(new Uint8Array(0), {
      header: { type: 'DYN', pieFlag: true, relro: true, bindNow: true, textrel: true },
      segments: [
        {
          type: 'GNU_STACK',
          address: 0,
          offset: 0,
          fileSize: 0,
          memSize: 0,
          readable: true,
          writable: true,
          executable: true,
        },
      ],
      linkage: {
        interpreter: '/lib64/ld-linux-x86-64.so.2',
        needed: ['libc.so.6'],
        rpath: ['$ORIGIN/lib'],
        runpath: ['/opt/x'],
        versionsNeeded: [],
      },
    });
    const { findings, verdicts } = run(exe);
    expect(findings.find((f) => f.id === 'hardening.execstack')?.severity).toBe('high');
    expect(findings.find((f) => f.id === 'hardening.rpath')?.evidence.map((e) => e.value)).toEqual([
      '$ORIGIN/lib',
      '/opt/x',
    ]);
    expect(findings.find((f) => f.id === 'hardening.textrel')?.severity).toBe('medium');
    expect(verdictOf(verdicts, 'relro')?.value).toBe('full');
    expect(verdictOf(verdicts, 'nx')?.status).toBe('fail');
  });

  it('reads the ELF header facts when there are no segments to look at', () => {
    const exe = syntheticExe(new Uint8Array(0), { header: { type: 'EXEC', gnuStack: 'RWE', relro: false } });
    const { findings, verdicts } = run(exe);
    expect(ids(findings)).toEqual(
      expect.arrayContaining(['hardening.execstack', 'hardening.no-pie', 'hardening.no-relro']),
    );
    expect(verdictOf(verdicts, 'relro')?.value).toBe('none');
  });
});

describe('hardening of hand-built PE and Mach-O headers', () => {
  it('PE without DYNAMIC_BASE or NX_COMPAT', () => {
    const exe = syntheticExe(new Uint8Array(0), {
      format: 'pe',
      header: { dynamicBase: false, nxCompat: false, highEntropyVA: false },
    });
    const { findings, verdicts } = run(exe);
    expect(ids(findings)).toEqual(expect.arrayContaining(['hardening.no-pie', 'hardening.no-nx']));
    expect(verdictOf(verdicts, 'nx')?.status).toBe('fail');
  });

  it('Mach-O flags: no PIE and an executable stack', () => {
    const exe = syntheticExe(new Uint8Array(0), {
      format: 'macho',
      header: { PIE: false, ALLOW_STACK_EXECUTION: true },
    });
    const { findings } = run(exe);
    expect(ids(findings)).toEqual(expect.arrayContaining(['hardening.no-pie', 'hardening.execstack']));
  });
});

describe('risky packages and libc portability', () => {
  it('risky packages linked in are medium findings', () => {
    const report = bareReport({
      go: {
        version: 'go1.22.0',
        versionSource: 'buildinfo',
        buildInfo: null,
        pclntab: null,
        functions: [],
        modules: [],
        packages: ['main', 'net/http/pprof', 'expvar', 'fmt'].map((path) => ({
          path,
          class: 'std' as const,
          functionCount: 1,
          size: 1,
          module: null,
        })),
      },
    });
    const { findings } = run(syntheticExe(new Uint8Array(0)), report);
    const risky = findings.filter((f) => f.id === 'hardening.risky-package');
    expect(risky.map((f) => f.evidence[0]?.value)).toEqual(['net/http/pprof', 'expvar']);
    expect(risky.every((f) => f.severity === 'medium')).toBe(true);
  });

  it('a musl-linked binary runs on Alpine but not on CentOS 7', () => {
    const exe = syntheticExe(new Uint8Array(0), {
      linkage: {
        interpreter: '/lib/ld-musl-x86_64.so.1',
        needed: ['libc.musl-x86_64.so.1'],
        rpath: [],
        runpath: [],
        versionsNeeded: [],
      },
    });
    const { verdicts } = run(exe);
    expect(verdictOf(verdicts, 'alpine')?.status).toBe('pass');
    expect(verdictOf(verdicts, 'centos7')?.status).toBe('fail');
    expect(verdictOf(verdicts, 'scratch')?.status).toBe('fail');
  });
});
