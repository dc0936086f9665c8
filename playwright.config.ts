import { defineConfig } from '@playwright/test';
import { electronMissingReason, findElectron } from './scripts/electron-path.mjs';

if (!findElectron() && !process.env['TEST_WORKER_INDEX']) {
  process.stdout.write(`electron project: skipped, ${electronMissingReason()}\n`);
}

// Two projects: `browser` drives the renderer in Debian's Chromium against serve mode (the same analysis service
// and worker as the app); `electron` launches the built app and skips itself where Electron's binary is missing.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testMatch: /e2e\/browser\/[^/]*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
          ],
        },
        viewport: { width: 1360, height: 900 },
      },
    },
    { name: 'electron', testMatch: /e2e\/electron\/[^/]*\.spec\.ts$/ },
  ],
});
