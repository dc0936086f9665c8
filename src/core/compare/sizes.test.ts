import { describe, expect, it } from 'vitest';
import { comparedBeforeAll } from './testing';

// Truth: test/fixtures/build.sh made linux-amd64-strip with `strip -s` on a copy of linux-amd64 (the code, the
// read-only data and the pclntab are the same bytes), and leaky-linux-amd64 from another program whose main
// module is example.com/leaky (test/fixtures/go/leaky/go.mod) where hello's is example.com/hello.

describe('size by module', () => {
  const stripped = comparedBeforeAll('linux-amd64', 'linux-amd64-strip');
  const other = comparedBeforeAll('linux-amd64', 'leaky-linux-amd64');

  it('strip -s leaves every module the same size', () => {
    const sizes = stripped().moduleSizes;
    expect(sizes.map((m) => m.path)).toEqual(expect.arrayContaining(['std', 'example.com/hello']));
    for (const m of sizes) expect(m.delta, m.path).toBe(0);
  });

  it('another program: its main module is added, the first one removed, std changed', () => {
    const sizes = other().moduleSizes;
    const byPath = new Map(sizes.map((m) => [m.path, m]));
    expect(byPath.get('example.com/leaky')).toMatchObject({ sizeA: 0 });
    expect(byPath.get('example.com/leaky')!.sizeB).toBeGreaterThan(0);
    expect(byPath.get('example.com/hello')).toMatchObject({ sizeB: 0 });
    for (let i = 1; i < sizes.length; i++)
      expect(Math.abs(sizes[i - 1]!.delta)).toBeGreaterThanOrEqual(Math.abs(sizes[i]!.delta));
  });
});
