import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import { linkageReport } from '../detect/linkage';
import { analyzeGo } from './index';

/**
 * esbuild's own darwin/arm64 (Mach-O) and windows/amd64 (PE) builds, fetched by test/fixtures/fetch-foreign.sh
 * (not committed; skipped without them). Expected values come from outside tools, saved by that script or read
 * by hand:
 *  - `strings -a` shows one Go version (darwin-arm64.goversions.txt, win32-x64.goversions.txt: go1.26.5); on
 *    darwin/arm64 it sits right after another string's bytes ("Cgo1.26.5"), so no NUL frames it;
 *  - `strings -a` shows the module text "path\tgithub.com/evanw/esbuild/cmd/esbuild", "build\tCGO_ENABLED=0";
 *  - `llvm-objdump -h`: the Mach-O has Go 1.26's __go_module section, so its pclntab range narrows to go1.26+;
 *    `llvm-readobj --sections`: the PE has no moduledata section (.text .rdata .data .pdata .xdata .idata .reloc
 *    .symtab), so its range stays what the 1.20+ pclntab magic says;
 *  - `llvm-nm` lists no x_cgo_init or crosscall2 in the darwin build (only imports from libSystem and friends).
 */
const foreignDir = join(fixturesDir, 'foreign');
const BINARIES = [
  { platform: 'darwin-arm64', file: 'darwin-arm64/bin/esbuild', range: 'go1.26+' },
  { platform: 'win32-x64', file: 'win32-x64/esbuild.exe', range: 'go1.20+' },
];

describe.each(BINARIES)('esbuild for $platform', ({ platform, file, range }) => {
  const path = join(foreignDir, file);
  const present = existsSync(path);

  it.skipIf(!present)('reads the exact Go version its strings show, and the range apart from it', () => {
    const bytes = new Uint8Array(readFileSync(path));
    const exe = parseExecutable(bytes)!.exes[0]!;
    const go = analyzeGo(exe, bytes).go!;
    const fromStrings = readFileSync(join(foreignDir, `${platform}.goversions.txt`), 'utf8').trim();
    expect(fromStrings).toMatch(/^go1\.26\.\d+$/);
    expect(go.version).toBe(fromStrings);
    expect(go.versionRange).toBe(range);
    expect(go.buildInfo?.path).toBe('github.com/evanw/esbuild/cmd/esbuild');
    expect(go.buildInfo?.settings).toContainEqual({ key: 'CGO_ENABLED', value: '0' });
  });

  it.skipIf(!present)('says no cgo and cgo not allowed, as its build settings and symbols show', () => {
    const bytes = new Uint8Array(readFileSync(path));
    const exe = parseExecutable(bytes)!.exes[0]!;
    const linkage = linkageReport(exe, analyzeGo(exe, bytes).go);
    expect(linkage).toMatchObject({ cgo: false, cgoAllowed: false, cgoEvidence: [] });
  });
});
