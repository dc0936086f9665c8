// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, GoReport } from '../../../../core/report/types';
import { bareReport } from '../../../../core/findings/testing/synthetic-exe';
import type { VerificationResult } from '../../../../common/verify';
import { VerificationContext } from '../verify/VerificationContext';
import type { CheckStatus } from '../verify/useVerification';
import { Provenance } from './Provenance';

afterEach(cleanup);

// Settings and a dependency as `go version -m` writes them for a build in a git checkout.
const settings = [
  { key: 'vcs', value: 'git' },
  { key: 'vcs.revision', value: '4f0e3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f' },
  { key: 'vcs.time', value: '2026-11-30T12:00:00Z' },
  { key: 'vcs.modified', value: 'true' },
];
const deps = [
  { path: 'example.com/lib', version: 'v1.0.0', sum: 'h1:i2bfBbVHSxT0uydk9tPTmQolpHTtM31WW+2grReIOA8=', replace: null },
];
const go = {
  buildInfo: { path: 'example.com/app', main: null, deps, settings, source: 'header' },
} as unknown as GoReport;

function panel(findings: Finding[] = []) {
  const report = bareReport({
    go,
    findings,
    notes: [{ owner: 'Go', typeName: 'GO_BUILDID', value: 'abc/def/ghi/jkl' }],
  });
  render(<Provenance report={{ ...report, file: { ...report.file, name: 'app' } }} />);
  return within(screen.getByRole('region', { name: 'Provenance' }));
}

describe('Provenance panel', () => {
  it('shows the build ID, the VCS stamp and the offline checks', () => {
    const p = panel();
    expect(p.getByText('abc/def/ghi/jkl')).toBeTruthy();
    expect(p.getByText('4f0e3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f')).toBeTruthy();
    expect(p.getByText('2026-11-30T12:00:00Z')).toBeTruthy();
    expect(p.getByText(/modified tree/)).toBeTruthy();
    expect(p.getByText(/1 recorded/)).toBeTruthy();
    expect(p.getByText('gobinscope verify app --gosum go.sum')).toBeTruthy();
    expect(p.getByText('gobinscope verify app --signature SIG --key KEY')).toBeTruthy();
    expect(p.queryByText(/cannot be checked as designed/)).toBeNull();
  });

  it('warns when the findings name a stamped-in signature', () => {
    const finding = { id: 'build.embedded-signature' } as Finding;
    expect(panel([finding]).getByText(/cannot be checked as designed/)).toBeTruthy();
  });
});

describe('Provenance panel with a check in the window', () => {
  const sha256 = 'ab'.repeat(32);
  const binary = { kind: 'source', source: { kind: 'initial', id: 'bin' } } as const;

  function checked(status: CheckStatus) {
    const report = bareReport({
      go,
      notes: [{ owner: 'Go', typeName: 'GO_BUILDID', value: 'abc/def/ghi/jkl' }],
    });
    const api = { verification: { binary, material: {}, status }, addFiles: async () => [] };
    render(
      <VerificationContext.Provider value={api}>
        <Provenance report={{ ...report, file: { ...report.file, name: 'app', sha256 } }} />
      </VerificationContext.Provider>,
    );
    return within(screen.getByRole('region', { name: 'Provenance' }));
  }
  const done = (result: Partial<VerificationResult>): CheckStatus => ({
    kind: 'done',
    result: { fileSha256: sha256, signature: null, goSum: null, ...result },
  });

  it('offers the picker instead of the command line', () => {
    const p = checked({ kind: 'idle' });
    expect(p.getByRole('button', { name: 'Verify signature…' })).toBeTruthy();
    expect(p.queryByText(/gobinscope verify app --signature/)).toBeNull();
  });

  it('a verified OpenPGP signature names the signer, the key id and the fingerprint', () => {
    const fingerprint = 'C0FFEE00'.repeat(5);
    const value = {
      format: 'openpgp',
      verified: true,
      reason: 'OpenPGP signature',
      keyId: 'C0FFEE00C0FFEE00',
      fingerprint,
    };
    const p = checked(done({ signature: { ok: true, value } as VerificationResult['signature'] }));
    expect(p.getByText('Verified', { exact: true })).toBeTruthy();
    expect(p.getByText('OpenPGP')).toBeTruthy();
    expect(p.getByText(fingerprint)).toBeTruthy();
  });

  it('an expired key is "Not verified: expired key"; bytes that changed since the analysis are called out', () => {
    const value = { format: 'openpgp', verified: false, reason: 'expired on 2024-12-31', failure: 'expired-key' };
    const p = checked({
      kind: 'done',
      result: { fileSha256: 'cd'.repeat(32), signature: { ok: true, value }, goSum: null } as VerificationResult,
    });
    expect(p.getByText('Not verified', { exact: true }).parentElement!.textContent).toMatch(
      /Not verified: expired key$/,
    );
    expect(p.getByRole('alert').textContent).toMatch(/not the one analysed/);
  });

  it('a check that could not run says why, and the panel stays', () => {
    const p = checked({ kind: 'failed', error: { code: 'UNKNOWN_FILE', message: 'That upload is gone.' } });
    expect(p.getByRole('alert').textContent).toBe('Could not check: That upload is gone.');
    expect(p.getByText('abc/def/ghi/jkl')).toBeTruthy();
  });
});
