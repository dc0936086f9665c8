import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../src/cli/commands/verify';
import type { Material } from './material';
import { newMaterial } from './material';

const FIXTURES = join(__dirname, '..', 'fixtures');
/** The go.sum go wrote when it built sums-linux-amd64 (build-signed.sh). */
const GO_SUM = readFileSync(join(FIXTURES, 'truth', 'sums-linux-amd64.go.sum'), 'utf8');

let m: Material;

async function run(binary: string, goSum: string): Promise<{ code: number; json: Record<string, unknown> }> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const flags = new Map<string, string | true>([
      ['gosum', m.write('go.sum', goSum)],
      ['json', true],
    ]);
    const code = await verifyCommand.run({ positionals: [join(FIXTURES, 'bin', binary)], flags });
    return { code, json: JSON.parse(writes.join('')) as Record<string, unknown> };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(() => {
  m = newMaterial();
});

describe('verify --gosum', () => {
  it('the go.sum the build wrote is consistent with the binary', async () => {
    const { code, json } = await run('sums-linux-amd64', GO_SUM);
    expect(code).toBe(0);
    expect(json.goSum).toMatchObject({ consistent: true, matching: 1, missing: [], differing: [] });
  });

  it('a go.sum without the module says what is missing', async () => {
    const withoutModule = GO_SUM.split('\n')
      .filter((l) => l.includes('/go.mod'))
      .join('\n');
    const { code, json } = await run('sums-linux-amd64', withoutModule);
    expect(code).toBe(1);
    const sum = /^example\.com\/sumlib v1\.0\.0 (h1:\S+)$/m.exec(GO_SUM)![1]!;
    expect(json.goSum).toMatchObject({ missing: [{ path: 'example.com/sumlib', version: 'v1.0.0', sum }] });
  });

  it('another hash for the same module and version differs', async () => {
    const changed = GO_SUM.replace(
      /^(example\.com\/sumlib v1\.0\.0 h1:)\S+$/m,
      '$1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    const { code, json } = await run('sums-linux-amd64', changed);
    expect(code).toBe(1);
    expect((json.goSum as { differing: unknown[] }).differing).toHaveLength(1);
  });

  it('local replacements have no sums to check', async () => {
    // go version -m lists 8 dependencies of multimod, each replaced by a local directory.
    const { code, json } = await run('multimod-linux-amd64', '');
    expect(code).toBe(0);
    expect(json.goSum).toMatchObject({ consistent: true, matching: 0, withoutSum: 8 });
  });
});
