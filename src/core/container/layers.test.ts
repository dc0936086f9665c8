import { describe, expect, it } from 'vitest';
import { LayerMerge, type LayerEntry } from './layers';

// The OCI image spec's whiteout rules ("Whiteouts", "Opaque Whiteout"), replayed on small layers written here.
function file(path: string, executable = true): LayerEntry {
  return { path, type: 'file', executable, headerOffset: path.length, size: 10 };
}
function dir(path: string): LayerEntry {
  return { path, type: 'directory', executable: false, headerOffset: 0, size: 0 };
}

function merged(layers: LayerEntry[][]): Record<string, number> {
  const merge = new LayerMerge();
  layers.forEach((entries, index) => {
    merge.beginLayer(index);
    entries.forEach((entry) => merge.add(entry));
  });
  return Object.fromEntries(merge.survivors().map((s) => [s.path, s.layer]));
}

describe('merging layers', () => {
  it('keeps executables only, and an upper file replaces a lower one', () => {
    expect(merged([[file('bin/a'), file('etc/conf', false), file('bin/b')], [file('bin/b')]])).toEqual({
      'bin/a': 0,
      'bin/b': 1,
    });
  });

  it('a whiteout deletes its namesake and what is under it, in lower layers only', () => {
    const lower = [file('bin/a'), file('opt/x/tool'), file('opt/x/sub/tool2')];
    expect(merged([lower, [file('bin/.wh.a'), file('opt/.wh.x')]])).toEqual({});
    // A whiteout and a new file in the same layer: the new file stays.
    expect(merged([[file('bin/a')], [file('bin/.wh.a'), file('bin/a')]])).toEqual({ 'bin/a': 1 });
  });

  it('an opaque whiteout hides what lower layers put in its folder, not what its own layer puts there', () => {
    const lower = [file('opt/old'), file('opt/deep/older'), file('optional')];
    expect(merged([lower, [dir('opt'), file('opt/.wh..wh..opq'), file('opt/new')]])).toEqual({
      optional: 0,
      'opt/new': 1,
    });
  });

  it('a file over a folder hides the folder; a folder over a folder keeps it; a non-executable replaces', () => {
    expect(merged([[file('a/b/c')], [file('a/b', false)]])).toEqual({});
    expect(merged([[file('a/b/c')], [dir('a/b')]])).toEqual({ 'a/b/c': 0 });
    expect(merged([[file('x')], [{ ...file('x'), type: 'symlink', executable: false }]])).toEqual({});
  });

  it('within one layer the later entry wins', () => {
    expect(merged([[file('x'), file('x', false)]])).toEqual({});
    expect(merged([[file('x', false), file('x')]])).toEqual({ x: 0 });
  });
});
