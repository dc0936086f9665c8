import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkFindings,
  electronVersion,
  sarifFindings,
  unexpectedNetwork,
} from '../../scripts/electronegativity/findings.mjs';

// SARIF 2.1.0 shape as electronegativity writes it (runs[].results[] with ruleId and a physical location).
function sarif(...results: [string, string, number][]) {
  return {
    runs: [
      {
        results: results.map(([ruleId, uri, line]) => ({
          ruleId,
          message: { text: `${ruleId} text` },
          locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }],
        })),
      },
    ],
  };
}

const reviewed = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/window.ts', reason: 'allowlisted hosts only' };

describe('the electronegativity gate', () => {
  it('passes findings that are listed, fails those that are not, with check, file and line', () => {
    const findings = sarifFindings(
      sarif(['OPEN_EXTERNAL_JS_CHECK', 'main/window.ts', 44], ['NODE_INTEGRATION_JS_CHECK', 'main/x.ts', 3]),
    );
    expect(checkFindings(findings, { findings: [reviewed] })).toEqual([
      'NODE_INTEGRATION_JS_CHECK at main/x.ts:3: NODE_INTEGRATION_JS_CHECK text',
    ]);
  });

  it('the same check in another file is not covered by an entry', () => {
    const findings = sarifFindings(
      sarif(['OPEN_EXTERNAL_JS_CHECK', 'main/window.ts', 1], ['OPEN_EXTERNAL_JS_CHECK', 'main/menu.ts', 9]),
    );
    expect(checkFindings(findings, { findings: [reviewed] })).toHaveLength(1);
  });

  it('refuses entries without a one-line reason, and stale entries', () => {
    const findings = sarifFindings(sarif(['OPEN_EXTERNAL_JS_CHECK', 'main/window.ts', 1]));
    const problems = checkFindings(findings, {
      findings: [
        { ...reviewed, reason: '' },
        { ...reviewed, reason: 'two\nlines' },
        { check: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', reason: 'fixed since' },
      ],
    });
    expect(problems.filter((p: string) => p.startsWith('allowlist entry without'))).toHaveLength(2);
    expect(problems).toContain('OPEN_EXTERNAL_JS_CHECK at main/window.ts:1: OPEN_EXTERNAL_JS_CHECK text');
    expect(problems).toContain('allowlist entry matches no finding (remove it): CSP_GLOBAL_CHECK renderer/index.html');
  });

  it('takes the Electron version from package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(electronVersion(pkg)).toBe(/\d+\.\d+\.\d+/.exec(pkg.devDependencies.electron)![0]);
    expect(electronVersion({ devDependencies: { electron: '~45.1.2' } })).toBe('45.1.2');
    expect(() => electronVersion({})).toThrow(/no Electron version/);
  });

  it('only the refused translations lookup may appear in the network log', () => {
    const i18n = 'got https://electronegativity-i18n.s3.us-west-2.amazonaws.com/en-US.json';
    expect(unexpectedNetwork([i18n])).toEqual([]);
    expect(
      unexpectedNetwork([i18n, 'got https://raw.githubusercontent.com/electron/releases/master/index.json']),
    ).toHaveLength(1);
    expect(unexpectedNetwork(['socket {"port":443,"host":"example.com"}'])).toHaveLength(1);
  });
});

describe('the gate run end to end on planted code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-eneg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on nodeIntegration: true, naming the check', () => {
    writeFileSync(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    writeFileSync(join(dir, 'allow.json'), '{"findings": []}');
    const run = spawnSync(
      process.execPath,
      ['scripts/electronegativity/gate.mjs', '--input', dir, '--allow', join(dir, 'allow.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK at main\.js:2/);
    expect(run.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK at main\.js:2/);
    expect(run.stderr).not.toMatch(/tried to reach the network/);
  });
});
