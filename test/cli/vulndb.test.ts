import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

// The vulnerability database commands as a user runs them, with a data folder of their own. Expectations come from
// the snapshot (4,261 entries for binary modules, dated 2026-08-21) and how the vulncall fixtures were built.
const SNAPSHOT = 'test/fixtures/vulndb/go-vulndb-osv-2026-08-21.zip';
const data = mkdtempSync(join(tmpdir(), 'gobinscope-data-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function cli(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GOBINSCOPE_VULNDB: '', XDG_DATA_HOME: data, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('gobinscope vulndb', () => {
  it('says when nothing is imported, imports into the data folder, then reports the date and age', () => {
    expect(cli({}, 'vulndb', 'status').code).toBe(1);
    const imported = cli({}, 'vulndb', 'import', SNAPSHOT);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported 4261 entries');
    expect(existsSync(join(data, 'gobinscope', 'vulndb-index.json'))).toBe(true);
    const status = cli({}, 'vulndb', 'status');
    expect(status.stdout).toContain('date: 2026-08-21T20:38:00.000Z');
    expect(status.stdout).toContain('older than 30 days');
  });

  it('uses the imported index by default: analyze --json has the matches and the database', () => {
    cli({}, 'vulndb', 'import', SNAPSHOT);
    const report = JSON.parse(cli({}, 'analyze', 'test/fixtures/bin/vulncall-calls-linux-amd64-sw', '--json').stdout);
    expect(report.vulnDb.entries).toBe(4261);
    const match = report.vulnerabilities.find((v: { id: string }) => v.id === 'GO-2025-4009');
    expect(match.status).toBe('reachable');
  });

  it('takes --vulndb and GOBINSCOPE_VULNDB over the data folder, and exits 2 on a missing database', () => {
    const empty = mkdtempSync(join(tmpdir(), 'gobinscope-nodata-'));
    const none = JSON.parse(cli({ XDG_DATA_HOME: empty }, 'analyze', 'test/fixtures/bin/linux-amd64', '--json').stdout);
    expect(none.vulnDb).toBeNull();
    const byFlag = cli({ XDG_DATA_HOME: empty }, 'analyze', 'test/fixtures/bin/linux-amd64', '--vulndb', SNAPSHOT);
    expect(byFlag.stdout).toContain('vulnerabilities: 1 reachable');
    const byEnv = cli(
      { XDG_DATA_HOME: empty, GOBINSCOPE_VULNDB: SNAPSHOT },
      'analyze',
      'test/fixtures/bin/linux-amd64',
    );
    expect(byEnv.stdout).toContain('GO-2023-1840');
    expect(cli({}, 'analyze', 'test/fixtures/bin/linux-amd64', '--vulndb', '/nonexistent.zip').code).toBe(2);
    rmSync(empty, { recursive: true, force: true });
  });

  it('gates scan on vulnerability findings: reachable is high, absent is info', () => {
    const env = { GOBINSCOPE_VULNDB: SNAPSHOT };
    expect(cli(env, 'scan', 'test/fixtures/bin/vulncall-calls-linux-amd64', '--fail-on', 'high').code).toBe(1);
    const json = JSON.parse(
      cli(env, 'scan', 'test/fixtures/bin/vulncall-links-linux-amd64', '--format', 'json').stdout,
    );
    const finding = json.findings.find((f: { id: string }) => f.id === 'vuln.GO-2025-4009');
    expect(finding.severity).toBe('info');
  });

  it('writes OpenVEX with sbom --format openvex, and refuses without a database', () => {
    const vex = cli(
      { GOBINSCOPE_VULNDB: SNAPSHOT },
      'sbom',
      'test/fixtures/bin/vulncall-links-linux-amd64',
      '--format',
      'openvex',
    );
    const doc = JSON.parse(vex.stdout);
    const statement = doc.statements.find(
      (s: { vulnerability: { name: string } }) => s.vulnerability.name === 'GO-2025-4009',
    );
    expect(statement).toMatchObject({ status: 'not_affected', justification: 'vulnerable_code_not_present' });
    const empty = mkdtempSync(join(tmpdir(), 'gobinscope-nodata-'));
    expect(cli({ XDG_DATA_HOME: empty }, 'sbom', 'test/fixtures/bin/linux-amd64', '--format', 'openvex').code).toBe(2);
    rmSync(empty, { recursive: true, force: true });
  });

  it('imports a folder of entries (vulndb.zip unpacked: ID/GO-*.json) the same as the zip', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gobinscope-vulndb-folder-'));
    mkdirSync(join(folder, 'ID'));
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(SNAPSHOT)))))
      writeFileSync(join(folder, 'ID', name), bytes);
    const other = mkdtempSync(join(tmpdir(), 'gobinscope-data-'));
    const imported = cli({ XDG_DATA_HOME: other }, 'vulndb', 'import', folder);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported 4261 entries');
    rmSync(folder, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });
});
