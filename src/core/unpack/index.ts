import { findUpxVersion } from '../detect/packed';
import { diagnosticFrom, type Diagnostic } from '../io/errors';
import type { PackedReport } from '../report/types';
import { unpackUpx } from './upx/index';

export interface Unpacked {
  /** The original executable, rebuilt in memory; the input file is only read. */
  image: Uint8Array;
  /** The packing as the report states it; `image.sha256` is filled in by the caller, which hashes anyway. */
  packed: PackedReport & { image: NonNullable<PackedReport['image']> };
}

/**
 * Unpacks a packed executable so the rest of the analysis reads what is inside it. Null when no packer we can
 * undo left its header; when unpacking fails (damage, a bomb over the size limit, a format not done yet) a
 * diagnostic says why and the caller analyses the packed file as it is.
 */
export function unpackPacked(file: Uint8Array, diagnostics: Diagnostic[]): Unpacked | null {
  let result: ReturnType<typeof unpackUpx>;
  try {
    result = unpackUpx(file);
  } catch (error) {
    diagnostics.push(diagnosticFrom('unpack', error));
    return null;
  }
  if (!result) return null;
  return {
    image: result.image,
    packed: {
      packer: 'UPX',
      version: findUpxVersion(file),
      evidence: `UPX PackHeader, unpacked in memory (${result.facts.methods.join(', ') || 'stored'})`,
      unpacked: true,
      image: { ...result.facts, sha256: '' },
    },
  };
}

/**
 * When a packer was detected but nothing was unpacked and no diagnostic said why (UPX's PE layout keeps its
 * PackHeader inside the packed section, where the ELF reader does not look), say that the report describes the
 * packed file.
 */
export function notUnpackedNote(packed: PackedReport | null, format: string, diagnostics: Diagnostic[]): void {
  if (!packed || packed.unpacked || diagnostics.some((d) => d.source === 'unpack')) return;
  const message =
    packed.packer === 'UPX'
      ? `UPX-packed ${format} files are not unpacked yet (Linux ELF amd64 ones are): this report describes the packed file`
      : 'the packer is not known, so nothing was unpacked: this report describes the packed file';
  diagnostics.push({ level: 'info', source: 'unpack', message });
}
