import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const electronPresent = existsSync('node_modules/electron/path.txt');

describe('npm start where Electron cannot be installed', () => {
  it.skipIf(electronPresent)('says so in one line and points at serve mode', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron.*gobinscope serve/);
  });
});
