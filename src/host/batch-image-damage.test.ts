import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { END, concat, entry, text } from '../../test/container/tar-writer';
import { binDir } from '../../test/fixtures';
import { FormatError } from '../core/io/errors';
import { readImageArchive, type ImageBinary } from './batch-image';

// Hostile and broken images written by hand (ustar blocks from test/container/tar-writer.ts): each problem must be
// reported with where it is, and what is sound must still be read.
const work = mkdtempSync(join(tmpdir(), 'gobinscope-image-damage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const goBinary = new Uint8Array(readFileSync(join(binDir, 'linux-amd64')));
const digest = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function dockerImage(name: string, layers: Uint8Array[], listed = layers.map((_, i) => `l${i}.tar`)): string {
  const config = text(JSON.stringify({ rootfs: { type: 'layers', diff_ids: layers.map(digest) } }));
  const manifest = text(JSON.stringify([{ Config: 'config.json', RepoTags: [name], Layers: listed }]));
  const members = layers.map((layer, i) => entry({ name: `l${i}.tar` }, layer));
  const path = join(work, `${name}.tar`);
  writeFileSync(
    path,
    concat(entry({ name: 'manifest.json' }, manifest), entry({ name: 'config.json' }, config), ...members, END),
  );
  return path;
}

async function read(path: string) {
  const binaries: ImageBinary[] = [];
  const problems: string[] = [];
  await readImageArchive(path, {
    binary: async (binary) => void binaries.push(binary),
    problem: (where, message) => void problems.push(`${where}: ${message}`),
  });
  return { paths: binaries.map((b) => b.path), problems };
}

const layer = (...entries: Uint8Array[]) => concat(...entries, END);
const good = layer(entry({ name: 'usr/bin/app' }, goBinary));

describe('a damaged image', () => {
  it('refuses a layer entry that climbs out of the root, and reads the rest', async () => {
    const hostile = layer(entry({ name: '../../usr/bin/evil' }, goBinary), entry({ name: 'bin/ok' }, goBinary));
    const { paths, problems } = await read(dockerImage('traversal', [hostile]));
    expect(paths).toEqual(['bin/ok']);
    expect(problems).toEqual([expect.stringMatching(/"\.\.\/\.\.\/usr\/bin\/evil" climbs out of the image root/)]);
  });

  it('reports a layer the manifest names but the archive lacks, and a member path outside the archive', async () => {
    const missing = await read(dockerImage('missing', [good], ['l0.tar', 'nowhere.tar']));
    expect(missing.paths).toEqual(['usr/bin/app']);
    expect(missing.problems).toEqual([expect.stringMatching(/layer 2 \(nowhere\.tar\).*does not hold it/)]);
    await expect(read(dockerImage('escape', [good], ['../../etc/passwd']))).rejects.toBeInstanceOf(FormatError);
  });

  it('reports a layer whose content is not its declared digest', async () => {
    const path = dockerImage('tampered', [good]);
    const bytes = new Uint8Array(readFileSync(path));
    // The manifest and config come first; the layer's last data byte sits before its padding and the end blocks.
    const at = bytes.length - 1024 - 1024 - (512 - (good.length % 512 || 512)) - 1;
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(path, bytes);
    expect((await read(path)).problems).toEqual([expect.stringMatching(/its content is sha256:\w+, not the declared/)]);
  });

  it('reports a cut gzip layer and still reads the sound layer', async () => {
    const cut = gzipSync(layer(entry({ name: 'opt/other' }, goBinary))).subarray(0, 5000);
    const { paths, problems } = await read(dockerImage('cut', [good, cut]));
    expect(paths).toEqual(['usr/bin/app']);
    expect(problems).toEqual([expect.stringMatching(/layer 2 .*damaged|layer 2 .*truncated/)]);
  });

  it('throws a FormatError for a cut archive or a manifest that is not JSON', async () => {
    const whole = readFileSync(dockerImage('whole', [good]));
    const cutPath = join(work, 'cut-archive.tar');
    writeFileSync(cutPath, whole.subarray(0, 3000));
    await expect(read(cutPath)).rejects.toBeInstanceOf(FormatError);
    const notJson = join(work, 'not-json.tar');
    writeFileSync(notJson, concat(entry({ name: 'manifest.json' }, text('{oops')), END));
    await expect(read(notJson)).rejects.toThrow(/not JSON/);
  });
});
