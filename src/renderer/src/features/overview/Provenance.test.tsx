// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, GoReport } from '../../../../core/report/types';
import { bareReport } from '../../../../core/findings/testing/synthetic-exe';
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
