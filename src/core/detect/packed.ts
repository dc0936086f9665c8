import type { Exe } from '../formats/exe';
import { decodeLatin1 } from '../io/reader';
import type { PackedReport, ReportSection } from '../report/types';

const UPX_SECTION = /^(UPX\d|\.upx\d?)$/i;
const BANNER = new TextEncoder().encode('$Id: UPX ');
/** Enough of the banner after "$Id: UPX " for a version like 4.2.4 and some slack. */
const BANNER_TAIL = 16;

/**
 * UPX's version from its "$Id: UPX x.y" banner, wherever in the file the loader put it (UPX 4 and 5 place the
 * loader after the compressed segments, often megabytes from either end). Null when the banner was wiped.
 */
export function findUpxVersion(file: Uint8Array): string | null {
  for (let at = file.indexOf(BANNER[0]!); at >= 0; at = file.indexOf(BANNER[0]!, at + 1)) {
    let k = 1;
    while (k < BANNER.length && file[at + k] === BANNER[k]) k++;
    if (k < BANNER.length) continue;
    const tail = decodeLatin1(file.subarray(at + BANNER.length, at + BANNER.length + BANNER_TAIL));
    const version = /^(\d+\.\d+(?:\.\d+)?)/.exec(tail);
    if (version) return version[1]!;
  }
  return null;
}

/** UPX writes "UPX!" and a version banner near the start or end of the file. */
function findUpx(file: Uint8Array, exe: Exe | null): PackedReport | null {
  const head = decodeLatin1(file.subarray(0, Math.min(file.length, 8192)));
  const tail = decodeLatin1(file.subarray(Math.max(0, file.length - 8192)));
  const sectionHit = exe?.sections.find((s) => UPX_SECTION.test(s.name));
  const marker = head.includes('UPX!') || tail.includes('UPX!');
  if (!marker && !sectionHit) return null;
  const banner = /UPX (\d+\.\d+(?:\.\d+)?)/.exec(head + tail);
  return {
    packer: 'UPX',
    version: findUpxVersion(file) ?? (banner ? banner[1]! : null),
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
