import { expect } from '@playwright/test';
import { dropFile, test } from '../serve';

/**
 * go/multimod's wiring is known from its source: main.main calls alpha.Process, which calls beta.Checksum, so
 * beta is linked only through alpha (go list -deps: only alpha and embed import beta).
 */
const FIXTURE = 'test/fixtures/bin/multimod-linux-amd64';

test('the Dependencies tab says why a transitive module is linked and what uses it', async ({ page, served }) => {
  await page.goto(served.url);
  await dropFile(page, FIXTURE);
  await expect(page.getByRole('heading', { level: 1, name: 'multimod-linux-amd64' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('tab', { name: /Dependencies/ }).click();
  const tree = page.getByRole('tree', { name: 'Dependencies' });
  const beta = tree.getByRole('treeitem').filter({ hasText: 'example.com/beta' }).first();
  await expect(beta).toContainText('transitive · recorded in build info');
  await expect(tree.getByRole('treeitem').filter({ hasText: 'example.com/alpha' }).first()).toContainText('direct');
  // The module's name opens it (its version copies module@version instead).
  await beta.getByRole('gridcell').first().click();
  await tree.getByRole('treeitem', { name: /Why is this linked\?/ }).click();
  await expect(tree.getByRole('treeitem', { name: /→ calls example.com\/alpha.Process/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /→ calls example.com\/beta.Checksum/ })).toBeVisible();
  await tree.getByRole('treeitem', { name: /Used by \(2\)/ }).click();
  await expect(tree.getByRole('treeitem', { level: 3, name: /example.com\/embed/ })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('dependencies-why.png') });
});
