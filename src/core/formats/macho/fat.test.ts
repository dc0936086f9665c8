// darwin-fat against the way test/fixtures/build.sh made it: a big-endian fat header listing x86_64 then arm64,
// slices at 2^14 alignment, each byte-identical to darwin-amd64 and darwin-arm64; and against
// `llvm-objdump --macho --universal-headers` (test/fixtures/truth/darwin-fat.universal-headers.txt).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { parseFat, parseMachO, sectionInFatFile } from './index';
import { parseUniversalHeaders } from './testing/llvm-headers';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function shaSum(name: string): string {
  const line = truth('SHA256SUMS')
    .split('\n')
    .find((l) => l.endsWith(`  ${name}`))!;
  return line.split(' ')[0]!;
}

describe('darwin-fat', () => {
  const bytes = fixture('darwin-fat');
  const fat = parseFat(bytes)!;
  const thin = ['darwin-amd64', 'darwin-arm64'];

  it('is a fat file of an x86_64 then an arm64 slice', () => {
    expect(fat).not.toBeNull();
    expect(fat.diagnostics).toEqual([]);
    expect(fat.exes.map((e) => e.arch)).toEqual(['x86_64', 'arm64']);
    expect(parseMachO(bytes)).toBeNull();
  });

  it('puts the slices where llvm-objdump says, 2^14-aligned', () => {
    const llvm = parseUniversalHeaders(
      readFileSync(
        new URL('../../../../test/fixtures/truth/darwin-fat.universal-headers.txt', import.meta.url),
        'utf8',
      ),
    );
    expect(llvm.map((s) => s.cputype)).toEqual(['CPU_TYPE_X86_64', 'CPU_TYPE_ARM64']);
    expect(fat.sliceOffsets).toEqual(llvm.map((s) => s.offset));
    for (const offset of fat.sliceOffsets) expect(offset % (1 << 14)).toBe(0);
  });

  it('has slices byte-identical to the thin builds', () => {
    fat.sliceOffsets.forEach((offset, index) => {
      const thinBytes = fixture(thin[index]!);
      const slice = bytes.subarray(offset, offset + thinBytes.length);
      expect(sha256(slice)).toBe(shaSum(thin[index]!));
      expect(sha256(slice)).toBe(sha256(thinBytes));
    });
  });

  it('reads each slice as the thin file reads, with slice-relative offsets', () => {
    fat.exes.forEach((exe, index) => {
      const dump = JSON.parse(truth(`${thin[index]}.dump.json`)) as {
        sections: { name: string; offset: number }[];
        symbols: number;
      };
      expect(exe.sections.map((s) => `${s.segment},${s.name}`)).toEqual(dump.sections.map((s) => s.name));
      expect(exe.sections.map((s) => s.offset)).toEqual(dump.sections.map((s) => s.offset));
      expect(exe.symbols.length).toBe(dump.symbols);
      expect(exe.diagnostics).toEqual([]);
    });
  });

  it('moves section offsets into the fat file for display', () => {
    const [offset] = fat.sliceOffsets;
    const text = fat.exes[0]!.sections.find((s) => s.name === '__text')!;
    const shown = sectionInFatFile(text, offset!);
    expect(shown.offset).toBe(offset! + text.offset);
    expect(bytes.subarray(shown.offset, shown.offset + 32)).toEqual(fat.exes[0]!.sectionData(text)!.subarray(0, 32));
    const bss = fat.exes[0]!.sections.find((s) => s.name === '__bss')!;
    expect(sectionInFatFile(bss, offset!).offset).toBe(0);
  });
});
