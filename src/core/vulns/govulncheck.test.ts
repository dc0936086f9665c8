import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixturesDir, binDir } from '../../../test/fixtures';
import { writeLegacyVulnDb } from '../../../test/vulndb-legacy';
import { analyze } from '../analyze';
import type { Report } from '../report/types';
import { indexFromZip, type VulnIndex } from './db';

// Truth from outside: Debian's govulncheck (a 2023 build that reads binaries with symbols) run over the committed
// database snapshot, written out in the layout it reads. Its "finding with a symbol" set must equal our set of
// entries whose vulnerable code is in the binary (present or reachable); stripped twins must keep that set.
const GOVULNCHECK = '/usr/bin/govulncheck';
const GO_BIN = '/usr/lib/go-1.19/bin';
const SNAPSHOT = join(fixturesDir, 'vulndb', 'go-vulndb-osv-2026-08-21.zip');

/**
 * esbuild (the version in node_modules) built from its source with Go 1.19 by test/fixtures/build-esbuild.sh, with
 * symbols and stripped; not committed (the source comes from no registry), so skipped without it.
 */
const ESBUILD_GO119 = join(fixturesDir, 'foreign', 'esbuild-go119');
const hasEsbuild = existsSync(join(ESBUILD_GO119, 'esbuild'));

// Every fixture with a symbol table that this govulncheck reads (windows-386.exe: "unable to load the PCLN
// table"; darwin-fat: "unrecognized file format"; linux-mips has no go.func.* symbol).
const WITH_SYMBOLS = [
  'darwin-amd64',
  'darwin-arm64',
  'inlined-linux-amd64',
  'inlined-linux-arm64',
  'leaky-linux-amd64',
  'linux-386',
  'linux-amd64',
  'linux-amd64-cgo',
  'linux-amd64-pie',
  'linux-amd64-trimpath',
  'linux-amd64-xvars',
  'linux-arm',
  'linux-s390x',
  'multimod-linux-amd64',
  'windows-amd64.exe',
  'vulncall-calls-linux-amd64',
  'vulncall-links-linux-amd64',
];

/** Stripped builds and the unstripped build of the same program; govulncheck fails on the stripped ones. */
const STRIPPED_TWINS: [string, string][] = [
  ['linux-amd64-strip', 'linux-amd64'],
  ['linux-amd64-sw', 'linux-amd64'],
  ['inlined-linux-amd64-sw', 'inlined-linux-amd64'],
  ['inlined-linux-arm64-sw', 'inlined-linux-arm64'],
  ['vulncall-calls-linux-amd64-sw', 'vulncall-calls-linux-amd64'],
  ['vulncall-links-linux-amd64-sw', 'vulncall-links-linux-amd64'],
];

interface GovulncheckOutput {
  Vulns?: { OSV: { id: string }; Modules: { Packages?: { CallStacks?: unknown[] | null }[] | null }[] }[] | null;
}

let folder = '';
let index: VulnIndex;
const reports = new Map<string, Report>();

function govulncheckIds(name: string, path = join(binDir, name)): string[] {
  const out = execFileSync(GOVULNCHECK, ['-json', path], {
    env: { ...process.env, PATH: `${GO_BIN}:${process.env.PATH}`, GOVULNDB: `file://${folder}` },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(out) as GovulncheckOutput;
  const withSymbols = (parsed.Vulns ?? []).filter((v) =>
    v.Modules.some((m) => (m.Packages ?? []).some((p) => (p.CallStacks ?? []).length > 0)),
  );
  return [...new Set(withSymbols.map((v) => v.OSV.id))].sort();
}

async function reportOf(name: string, path?: string): Promise<Report> {
  let report = reports.get(name);
  if (!report) {
    const bytes = path ? new Uint8Array(readFileSync(path)) : fixture(name);
    report = (await analyze(bytes, { fileName: name, vulnIndex: index })).report;
    reports.set(name, report);
  }
  return report;
}

async function ourIds(name: string, path?: string): Promise<string[]> {
  const report = await reportOf(name, path);
  const inCode = report.vulnerabilities.filter((v) => v.status === 'present' || v.status === 'reachable');
  return [...new Set(inCode.map((v) => v.id))].sort();
}

describe.skipIf(!existsSync(GOVULNCHECK))('symbol-level matches against govulncheck', () => {
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'gobinscope-vulndb-'));
    writeLegacyVulnDb(SNAPSHOT, folder);
    index = indexFromZip(new Uint8Array(readFileSync(SNAPSHOT)), 'go-vulndb-osv-2026-08-21.zip');
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(WITH_SYMBOLS)(
    '%s: the same entries as govulncheck -json',
    async (name) => {
      const expected = govulncheckIds(name);
      expect(expected.length).toBeGreaterThan(0);
      expect(await ourIds(name)).toEqual(expected);
    },
    60_000,
  );

  it.each(STRIPPED_TWINS)(
    '%s: stripped, the same entries as govulncheck finds in %s',
    async (stripped, full) => {
      expect(await ourIds(stripped)).toEqual(govulncheckIds(full));
    },
    60_000,
  );

  it.skipIf(!hasEsbuild)(
    'esbuild built with symbols: the same entries as govulncheck -json, and the same when stripped',
    async () => {
      const expected = govulncheckIds('esbuild', join(ESBUILD_GO119, 'esbuild'));
      expect(expected.length).toBeGreaterThan(10);
      expect(await ourIds('esbuild-go119', join(ESBUILD_GO119, 'esbuild'))).toEqual(expected);
      expect(await ourIds('esbuild-go119-sw', join(ESBUILD_GO119, 'esbuild-sw'))).toEqual(expected);
    },
    120_000,
  );

  it.each(['vulncall-calls-linux-amd64', 'vulncall-calls-linux-amd64-sw'])(
    '%s: GO-2025-4009 is reachable from main through encoding/pem.Decode',
    async (name) => {
      const match = (await reportOf(name)).vulnerabilities.find((v) => v.id === 'GO-2025-4009')!;
      expect(match.status).toBe('reachable');
      expect(match.path?.[0]).toBe('main.main');
      expect(match.path?.at(-1)).toBe('encoding/pem.Decode');
      expect(match.fixed).toBe('go1.24.8');
      expect(match.symbols.map((s) => s.symbol)).toContain('Decode');
    },
    60_000,
  );

  it.each(['vulncall-links-linux-amd64', 'vulncall-links-linux-amd64-sw'])(
    '%s: GO-2025-4009 applies to the Go version but its code is absent',
    async (name) => {
      const match = (await reportOf(name)).vulnerabilities.find((v) => v.id === 'GO-2025-4009')!;
      expect(match.status).toBe('absent');
      expect(match.symbols).toEqual([]);
      expect(match.path).toBeNull();
    },
    60_000,
  );
});
