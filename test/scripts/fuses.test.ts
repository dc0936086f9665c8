import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { electronPathFor, FUSES, flipFusesHook } from '../../scripts/package/fuses.mjs';

// Packaging cannot run here (the packager downloads Electron from GitHub), so the fuse settings are checked as
// data, and the hook is run on a stand-in executable that carries a fuse wire in Electron's layout.

describe('the fuses every package ships with', () => {
  it.each([
    ['RunAsNode', false],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['OnlyLoadAppFromAsar', true],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['EnableCookieEncryption', true],
  ] as const)('%s is %s', (name, value) => {
    expect((FUSES as Record<number, boolean>)[FuseV1Options[name]]).toBe(value);
  });

  it('sets every fuse of the V1 wire explicitly, so a new Electron fuse stops packaging until decided', () => {
    expect(FUSES.version).toBe(FuseVersion.V1);
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    const options = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const option of options) expect(typeof (FUSES as Record<number, boolean>)[option as number]).toBe('boolean');
  });
});

describe('the packager hook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-fuses-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Electron's fuse wire: the sentinel, the wire version (1), its length, then one byte per fuse, '0' off, '1' on.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  // Electron's own defaults for the 8 fuses in FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions,
  // NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, GrantFileProtocolExtraPrivileges.
  const DEFAULTS = '10110001';

  it('flips the wire of the packaged Linux executable', async () => {
    const appDir = join(dir, 'Gobinscope-linux-x64');
    const buildPath = join(appDir, 'resources', 'app');
    mkdirSync(buildPath, { recursive: true });
    const executable = join(appDir, 'gobinscope');
    const wire = Buffer.concat([
      Buffer.from('\x7fELF padding '),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from(DEFAULTS),
    ]);
    writeFileSync(executable, Buffer.concat([wire, Buffer.from(' rest of the binary')]));
    await new Promise<void>((resolve, reject) =>
      flipFusesHook(buildPath, '45.5.0', 'linux', 'x64', (error?: Error) => (error ? reject(error) : resolve())),
    );
    const after = readFileSync(executable);
    const at = after.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.subarray(at, at + 8).toString()).toBe('01001101');
    expect(after.length).toBe(wire.length + ' rest of the binary'.length);
  });

  it('finds the fuse file on each platform', () => {
    expect(electronPathFor('/d/Gobinscope-linux-x64/resources/app', 'linux')).toBe(
      '/d/Gobinscope-linux-x64/gobinscope',
    );
    expect(electronPathFor('/d/Gobinscope-win32-x64/resources/app', 'win32')).toBe(
      '/d/Gobinscope-win32-x64/gobinscope.exe',
    );
    expect(electronPathFor('/d/Gobinscope.app/Contents/Resources/app', 'darwin')).toBe('/d/Gobinscope.app');
  });
});
