// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReconcileItem } from '../../../../core/sbom/types';
import { ReconcileItems } from './ReconcileItems';

afterEach(cleanup);

// linux-amd64 (go version -m: go1.19.8, main example.com/hello) against the hand-written SBOM that gives the
// standard library as 1.19.2 and names the main module in metadata.component only.
const items: ReconcileItem[] = [
  {
    kind: 'version-mismatch',
    module: 'stdlib',
    severity: 'error',
    explanation: 'The SBOM gives the standard library as 1.19.2 but the binary was built with Go 1.19.8.',
    binary: { version: '1.19.8', sum: '' },
    sbom: { version: '1.19.2', purl: 'pkg:golang/stdlib@1.19.2', hash: '' },
  },
  {
    kind: 'main-only-in-metadata',
    module: 'example.com/hello',
    severity: 'warning',
    explanation: 'The SBOM names the main module example.com/hello only in metadata.component.',
  },
];

describe('ReconcileItems', () => {
  it('shows each discrepancy with its severity', () => {
    render(<ReconcileItems items={items} />);
    const version = screen.getByRole('region', { name: 'Version mismatch (1)' });
    expect(within(version).getByText('error')).toBeTruthy();
    expect(within(version).getByRole('listitem').className).toContain('sev-high');
    const main = screen.getByRole('region', { name: 'Main module only in metadata (1)' });
    expect(within(main).getByText('warning')).toBeTruthy();
    expect(within(main).getByRole('listitem').className).toContain('sev-medium');
  });
});
