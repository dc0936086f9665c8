import type { Exe } from '../formats/exe';
import { decodeLatin1 } from '../io/reader';
import type { PackedReport, ReportSection } from '../report/types';

const UPX_SECTION = /^(UPX\d|\.upx\d?)$/i;

/** UPX writes "UPX!" and a version banner near the start or end of the file. */
function findUpx(file: Uint8Array, exe: Exe | null): PackedReport | null {
  const head = decodeLatin1(file.subarray(0, Math.min(file.length, 8192)));
  const tail = decodeLatin1(file.subarray(Math.max(0, file.length - 8192)));
  const sectionHit = exe?.sections.find((s) => UPX_SECTION.test(s.name));
  const marker = head.includes('UPX!') || tail.includes('UPX!');
  if (!marker && !sectionHit) return null;
  const banner = /\$Id: UPX (\d+\.\d+(?:\.\d+)?)/.exec(head + tail) ?? /UPX (\d+\.\d+(?:\.\d+)?)/.exec(head + tail);
  return {
    packer: 'UPX',
    version: banner ? banner[1]! : null,
    evidence: sectionHit ? `section ${sectionHit.name}` : 'UPX! marker in the file header',
  };
}

/**
 * Packed when a packer left its marks, or when the code is near-random and no Go metadata could be read (packed
 * or encrypted code compresses no further; real machine code sits around 5.5–6.5 bits per byte).
 */
export function detectPacking(
  file: Uint8Array,
  exe: Exe | null,
  sections: ReportSection[],
  hasGoMetadata: boolean,
): PackedReport | null {
  const upx = findUpx(file, exe);
  if (upx) return upx;
  if (hasGoMetadata) return null;
  const code = sections.filter((s) => s.kind === 'code' && s.size > 4096 && s.entropy !== null);
  const hot = code.find((s) => (s.entropy ?? 0) > 7.4);
  if (hot)
    return {
      packer: 'unknown',
      version: null,
      evidence: `section ${hot.name} entropy ${hot.entropy!.toFixed(2)} bits/byte`,
    };
  return null;
}
