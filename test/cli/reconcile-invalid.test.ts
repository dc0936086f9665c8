import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The SBOMs are made here from test/fixtures/sbom/hello.cdx-1.6.{json,xml} (hand-written, and matching
// linux-amd64 module for module), each broken in one way the CycloneDX spec forbids.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gobinscope-reconcile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = 'test/fixtures/bin/linux-amd64';
const json = readFileSync('test/fixtures/sbom/hello.cdx-1.6.json', 'utf8');
const xml = readFileSync('test/fixtures/sbom/hello.cdx-1.6.xml', 'utf8');

function written(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const duplicateRefs = (() => {
  const doc = JSON.parse(json);
  doc.components[1]['bom-ref'] = doc.components[0]['bom-ref'];
  return JSON.stringify(doc, null, 2);
})();
const infiniteVersion = json.replace('"version": 1,', '"version": 1e400,');
const xinclude = xml.replace(
  '</metadata>',
  '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/></metadata>',
);

describe('gobinscope reconcile fails an invalid SBOM, even when its modules match', () => {
  it('the unbroken document matches (the baseline the cases below break)', () => {
    expect(cli('reconcile', BIN, 'test/fixtures/sbom/hello.cdx-1.6.json').code).toBe(0);
    expect(cli('reconcile', BIN, 'test/fixtures/sbom/hello.cdx-1.6.xml').code).toBe(0);
  });

  it.each([
    ['duplicate bom-refs', 'dup.cdx.json', duplicateRefs, /duplicate bom-ref/],
    ['"version": 1e400', 'inf.cdx.json', infiniteVersion, /\$\.version: must be a finite number/],
    ['an XInclude element', 'xi.cdx.xml', xinclude, /XInclude is not allowed/],
  ])('%s: exit 1, the errors printed first', (_label, name, content, error) => {
    expect(content).not.toBe(name.endsWith('.xml') ? xml : json);
    const run = cli('reconcile', BIN, written(name, content));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^INVALID: ${name.replace(/\./g, '\\.')} does not validate against CycloneDX 1\\.6`),
    );
    expect(lines[1]).toMatch(error);
    // The modules themselves agree: only the validation fails the run.
    expect(run.stdout).toMatch(/^MATCH: /m);
  });

  it('--json puts the validation first and exits 1', () => {
    const run = cli('reconcile', BIN, written('dup.cdx.json', duplicateRefs), '--json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)[0]).toBe('validation');
    expect(result.validation.valid).toBe(false);
    expect(result.validation.errors[0].path).toBe('$.components[1].bom-ref');
    expect(result.verdict).toBe('match');
  });

  it('a UTF-16LE SBOM (with a byte-order mark) is read and matches', () => {
    const path = written('utf16.cdx.json', Buffer.from('\ufeff' + json, 'utf16le'));
    const run = cli('reconcile', BIN, path);
    expect(run.stdout).toMatch(/^MATCH: /);
    expect(run.code).toBe(0);
  });
});
