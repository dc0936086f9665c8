import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFor } from '../scripts/fuzz/runner';
import { TARGETS } from '../scripts/fuzz/targets';

// The long fuzz run (npm run fuzz) saves a hung input by rebuilding it from (seed, index) in another process, and
// mutates megabyte fixtures in place: both only work if an input is the same every time and undo restores the seed.
describe('the fuzz campaign inputs', () => {
  it('are the same bytes for the same seed and index, and differ between indexes', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 60; index++) {
      const first = inputFor(7, index);
      const a = Buffer.from(first.input.bytes).toString('base64');
      first.input.undo();
      const second = inputFor(7, index);
      const b = Buffer.from(second.input.bytes).toString('base64');
      second.input.undo();
      expect(second.target.name).toBe(first.target.name);
      expect(b).toBe(a);
      seen.add(a);
    }
    expect(seen.size).toBeGreaterThan(50);
  });

  it('leave every seed file as it is on disk once undone', () => {
    const touched = new Map<string, Uint8Array>();
    for (let index = 0; index < 200; index++) {
      const { input } = inputFor(11, index);
      input.undo();
      // Binary targets hand out a view of the seed itself: after undo it must read as the committed file.
      // (Seeds made in memory, such as the UPX-packed files, have no file to compare with.)
      const onDisk = existsSync(join('test/fixtures/bin', input.seedName));
      if (onDisk && input.bytes.buffer.byteLength > 100_000)
        touched.set(input.seedName, new Uint8Array(input.bytes.buffer));
    }
    expect(touched.size).toBeGreaterThan(3);
    for (const [name, bytes] of touched) {
      expect(Buffer.from(bytes).equals(readFileSync(join('test/fixtures/bin', name))), name).toBe(true);
    }
  });

  it('reach every target in a short run', () => {
    const picked = new Set<string>();
    for (let index = 0; index < 3000; index++) {
      const { target, input } = inputFor(3, index);
      input.undo();
      picked.add(target.name);
    }
    expect([...picked].sort()).toEqual(TARGETS.map((t) => t.name).sort());
  });
});
