import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, linkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TarParser, collectInto, readTar, type TarEntry } from './tar';

// Archives written by GNU tar in each of its formats; the expected names, kinds and contents are the files the
// test put there, and the listing is checked against `tar -tf` as well.
const work = mkdtempSync(join(tmpdir(), 'gobinscope-tar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LONG = `deep/${'a-rather-long-folder-name/'.repeat(5)}file-with-a-long-name.txt`;
const FILES: Record<string, string> = {
  'hello.txt': 'hello\n',
  empty: '',
  'block.bin': 'x'.repeat(512),
  [LONG]: 'long name\n',
};

function build(format: 'gnu' | 'pax' | 'ustar'): Uint8Array {
  const dir = join(work, `src-${format}`);
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  symlinkSync('hello.txt', join(dir, 'link'));
  linkSync(join(dir, 'hello.txt'), join(dir, 'zz-hard'));
  const out = join(work, `${format}.tar`);
  execFileSync('tar', [`--format=${format}`, '--sort=name', '-cf', out, '-C', dir, '.']);
  return new Uint8Array(readFileSync(out));
}

const ARCHIVES = (['gnu', 'pax', 'ustar'] as const).map((format) => ({ format, bytes: build(format) }));

function contents(bytes: Uint8Array): Map<string, { entry: TarEntry; text: string | null }> {
  const out = new Map<string, { entry: TarEntry; text: string | null }>();
  for (const { entry, bytes: data } of readTar(bytes))
    out.set(entry.name.replace(/^\.\//, '').replace(/\/$/, ''), {
      entry,
      text: data ? new TextDecoder().decode(data) : null,
    });
  return out;
}

describe.each(ARCHIVES)('a GNU tar archive in $format format', ({ format, bytes }) => {
  it('lists what tar -tf lists, in the same order', () => {
    const listed = execFileSync('tar', ['-tf', join(work, `${format}.tar`)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(readTar(bytes).map(({ entry }) => entry.name)).toEqual(listed);
  });

  it('gives each file its bytes, long names whole, and links as links', () => {
    const found = contents(bytes);
    for (const [name, content] of Object.entries(FILES)) {
      expect(found.get(name)?.entry.type).toBe('file');
      expect(found.get(name)?.text).toBe(content);
    }
    expect(found.get('link')?.entry).toMatchObject({ type: 'symlink', linkName: 'hello.txt', size: 0 });
    expect(found.get('zz-hard')?.entry.type).toBe('hardlink');
    expect(found.get('deep')?.entry.type).toBe('directory');
  });

  it('reads the same whatever the chunk sizes the bytes arrive in', () => {
    const whole = readTar(bytes).map(({ entry, bytes: data }) => [entry.name, data?.length]);
    for (const chunk of [1, 7, 511, 513, 4096]) {
      const seen: (string | number | undefined)[][] = [];
      const parser = new TarParser((entry) =>
        collectInto(entry.size, (data) => seen.push([entry.name, entry.type === 'file' ? data.length : 0])),
      );
      for (let at = 0; at < bytes.length; at += chunk) parser.write(bytes.subarray(at, at + chunk));
      parser.end();
      expect(seen).toEqual(whole.map(([name, length]) => [name, length ?? 0]));
    }
  });
});

describe('skipping data', () => {
  it('lets a reader with random access seek past entries nobody wants', () => {
    const { bytes } = ARCHIVES[1]!;
    const names: string[] = [];
    const parser = new TarParser((entry) => {
      names.push(entry.name);
      return null;
    });
    let position = 0;
    while (!parser.ended && position < bytes.length) {
      parser.write(bytes.subarray(position, position + 512));
      parser.skippable();
      position = parser.offset;
    }
    parser.end();
    expect(names).toEqual(readTar(bytes).map(({ entry }) => entry.name));
  });
});
