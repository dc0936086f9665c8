import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { dropFile, dropFiles, test } from '../serve';

const SBOM = 'test/fixtures/sbom';
const BINARY = 'test/fixtures/bin/linux-amd64';

interface CdxComponent {
  name: string;
  version?: string;
  purl?: string;
  components?: CdxComponent[];
}

/** Every component of a CycloneDX JSON document, nested ones included (metadata.component is the subject, not one of them). */
function cdxComponents(list: CdxComponent[] = []): CdxComponent[] {
  return list.flatMap((c) => [c, ...cdxComponents(c.components)]);
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

test('a CycloneDX SBOM alone: metadata, valid, every component listed, a dependency tree that expands and filters', async ({
  page,
  served,
}) => {
  const file = `${SBOM}/hello.cdx-1.6.json`;
  const doc = readJson<{
    specVersion: string;
    metadata: { timestamp: string; component: CdxComponent };
    components: CdxComponent[];
  }>(file);
  const components = cdxComponents(doc.components);
  await page.goto(served.url);
  await dropFile(page, file);

  await expect(page.getByRole('heading', { level: 1, name: 'hello.cdx-1.6.json' })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle('hello.cdx-1.6.json — Gobinscope');
  await expect(page.getByText(`Valid against the CycloneDX ${doc.specVersion} schema`)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(doc.metadata.timestamp, { exact: true })).toBeVisible();
  await expect(page.getByText(`${components.length} of ${components.length}`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Components' });
  for (const component of components) {
    const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: component.name, exact: true }) });
    await expect(row).toHaveCount(1);
    if (component.purl) await expect(row.getByRole('button', { name: component.purl, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('sbom-components.png') });

  await page.getByRole('tab', { name: 'Dependency tree' }).click();
  const tree = page.getByRole('tree', { name: 'Dependency tree' });
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  await tree.getByRole('treeitem', { name: new RegExp(doc.metadata.component.name) }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(1 + components.length);
  await page.getByRole('searchbox', { name: 'Search dependencies' }).fill('stdlib');
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  await expect(tree.getByRole('treeitem').first()).toContainText('stdlib');
  await page.screenshot({ path: test.info().outputPath('sbom-tree.png') });
});

test('an SPDX SBOM alone lists its packages except the one the document describes', async ({ page, served }) => {
  const file = `${SBOM}/hello.spdx-2.3.json`;
  const doc = readJson<{
    packages: { SPDXID: string; name: string }[];
    relationships: { relationshipType: string; relatedSpdxElement: string }[];
  }>(file);
  const described = new Set(
    doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES').map((r) => r.relatedSpdxElement),
  );
  const packages = doc.packages.filter((p) => !described.has(p.SPDXID));
  await page.goto(served.url);
  await dropFile(page, file);
  await expect(page.getByText('Valid against the SPDX 2.3 schema')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`${packages.length} of ${packages.length}`)).toBeVisible();
  for (const p of packages)
    await expect(
      page.getByRole('table', { name: 'Components' }).getByRole('cell', { name: p.name, exact: true }),
    ).toBeVisible();
});

test('an SBOM that breaks its schema is shown, with each error and where it is (role=alert)', async ({
  page,
  served,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-e2e-'));
  const file = join(dir, 'bad-timestamp.cdx.json');
  const doc = readJson<{ metadata: { timestamp: string } }>(`${SBOM}/hello.cdx-1.6.json`);
  doc.metadata.timestamp = 'yesterday'; // CycloneDX 1.6: metadata.timestamp is a JSON Schema "date-time"
  writeFileSync(file, JSON.stringify(doc));
  try {
    await page.goto(served.url);
    await dropFile(page, file);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Does not follow the CycloneDX 1.6 schema', { timeout: 30_000 });
    await expect(alert.getByRole('button', { name: '$.metadata.timestamp', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Components' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('sbom-invalid.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const name of ['malformed-truncated.cdx.json', 'malformed-unknown-version.cdx.json']) {
  test(`a malformed SBOM (${name}) gets a readable message, not a dead screen`, async ({ page, served }) => {
    await page.goto(served.url);
    await dropFile(page, `${SBOM}/${name}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(`${name} looks like an SBOM but could not be read`, { timeout: 30_000 });
    await expect(alert.getByRole('button', { name: 'Start over' })).toBeVisible();
    if (name.includes('truncated')) await page.screenshot({ path: test.info().outputPath('sbom-malformed.png') });
  });
}

// The planted discrepancies, as test/fixtures/sbom/README.md describes each file against linux-amd64.
const PLANTED = [
  {
    file: 'discrepancy-missing-module.cdx.json',
    kind: 'Missing from the SBOM',
    short: 'missing from the SBOM',
    module: 'example.com/greeting',
  },
  {
    file: 'discrepancy-extra-module.cdx.json',
    kind: 'Not in the binary',
    short: 'not in the binary',
    module: 'golang.org/x/text',
  },
  { file: 'discrepancy-wrong-version.cdx.json', kind: 'Version mismatch', short: 'version mismatch', module: 'stdlib' },
  {
    file: 'discrepancy-replacement.cdx.json',
    kind: 'Replacement not reflected',
    short: 'replacement not reflected',
    module: 'example.com/greeting',
  },
];

for (const planted of PLANTED) {
  test(`a binary with ${planted.file}: mismatch, ${planted.kind.toLowerCase()} shown with its evidence`, async ({
    page,
    served,
  }) => {
    await page.goto(served.url);
    await dropFiles(page, [BINARY, `${SBOM}/${planted.file}`]);
    await expect(page.getByRole('heading', { level: 2, name: 'Mismatch' })).toBeVisible({ timeout: 60_000 });
    await expect(
      page
        .getByRole('list', { name: 'Discrepancies by kind' })
        .getByRole('listitem')
        .filter({ hasText: planted.short }),
    ).toHaveText(`1 ${planted.short}`);
    const group = page.getByRole('region', { name: `${planted.kind} (1)` });
    await expect(group.getByRole('button', { name: planted.module, exact: true })).toBeVisible();
    if (planted.file.includes('wrong-version')) {
      // go version -m: go1.19.8; the planted SBOM says 1.19.2.
      await expect(group).toContainText('1.19.8');
      await expect(group).toContainText('pkg:golang/stdlib@1.19.2');
      await page.screenshot({ path: test.info().outputPath('reconcile.png') });
    }
  });
}

test('a binary with its matching SBOM: match, then the binary report and the SBOM in tabs', async ({
  page,
  served,
}) => {
  await page.goto(served.url);
  await dropFiles(page, [BINARY, `${SBOM}/hello.cdx-1.6.json`]);
  await expect(page.getByRole('heading', { level: 2, name: 'Match' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'linux-amd64', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'SBOM: hello.cdx-1.6.json' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'hello.cdx-1.6.json' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Components' })).toBeVisible();
});
