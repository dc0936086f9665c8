// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, fixturesDir } from '../../../../../test/fixtures';
import { analyzeFixture } from '../../../../core/findings/testing/fixture-report';
import { bareReport } from '../../../../core/findings/testing/synthetic-exe';
import { Provenance } from './Provenance';

afterEach(cleanup);

async function panelFor(name: string) {
  const { report } = await analyzeFixture(name, fixture(name));
  render(<Provenance report={report} />);
  return within(screen.getByRole('region', { name: 'Provenance' }));
}

/** The Go build ID as readelf -n printed its description bytes. */
function goBuildIdFromReadelf(name: string): string {
  const text = readFileSync(join(fixturesDir, 'truth', `${name}.readelf-n.txt`), 'utf8');
  const bytes = /GO BUILDID\s+description data: ([0-9a-f ]+)/.exec(text)![1]!.trim().split(' ');
  return String.fromCharCode(...bytes.map((b) => parseInt(b, 16)));
}

describe('Provenance panel', () => {
  it('shows the Go build ID readelf reads and how to check a signature', async () => {
    const panel = await panelFor('linux-amd64');
    expect(panel.getByText(goBuildIdFromReadelf('linux-amd64'))).toBeTruthy();
    expect(panel.getByText('gobinscope verify linux-amd64 --signature SIG --key KEY')).toBeTruthy();
    expect(panel.getByText(/^not recorded \(built with -buildvcs=false/)).toBeTruthy();
  });

  it('counts the module sums go version -m lists and offers the go.sum check', async () => {
    const panel = await panelFor('sums-linux-amd64');
    expect(panel.getByText(/1 recorded/)).toBeTruthy();
    expect(panel.getByText('gobinscope verify sums-linux-amd64 --gosum go.sum')).toBeTruthy();
  });

  it('warns when a signature was stamped in with -X', async () => {
    const panel = await panelFor('signed-linux-amd64-x');
    expect(panel.getByText(/cannot be checked as designed/)).toBeTruthy();
  });

  it('shows the VCS stamp as go version -m writes it', () => {
    const settings = [
      { key: 'vcs', value: 'git' },
      { key: 'vcs.revision', value: '4f0e3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f' },
      { key: 'vcs.time', value: '2026-11-30T12:00:00Z' },
      { key: 'vcs.modified', value: 'true' },
    ];
    const buildInfo = { path: 'example.com/app', main: null, deps: [], settings, source: 'header' };
    const report = bareReport({ go: { buildInfo } as never });
    render(<Provenance report={report} />);
    expect(screen.getByText('4f0e3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f')).toBeTruthy();
    expect(screen.getByText('2026-11-30T12:00:00Z')).toBeTruthy();
    expect(screen.getByText(/modified tree/)).toBeTruthy();
  });
});
