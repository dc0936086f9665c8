import { FormatError } from '../../io/errors';
import { ByteReader } from '../../io/reader';
import { methodName } from './blocks';
import { unpackElf64 } from './elf64';
import { readPackHeader, readPackInfo, UPX_F_LINUX_ELF64_AMD64, UPX_FORMATS, UPX_MAGIC } from './header';
import type { UnpackedImage } from '../../report/types';
import { MAX_UNPACKED_SIZE } from './limits';

/** What unpacking did, for the report (its image hash is added by the analysis, which hashes anyway). */
export type UpxUnpackFacts = Omit<UnpackedImage, 'sha256'>;

export interface UpxUnpack {
  image: Uint8Array;
  facts: UpxUnpackFacts;
}

/**
 * Unpacks a UPX-packed executable in memory. Null when the file carries no UPX PackHeader; a FormatError when it
 * does but is damaged, claims more than MAX_UNPACKED_SIZE, fails its checksums, or is a format we cannot unpack
 * yet (only Linux ELF amd64 is done; PE and Mach-O say so). The input is only read.
 */
export function unpackUpx(file: Uint8Array): UpxUnpack | null {
  const header = readPackHeader(file);
  if (!header) return null;
  const format = UPX_FORMATS[header.format] ?? `format ${header.format}`;
  if (header.format !== UPX_F_LINUX_ELF64_AMD64) {
    throw new FormatError(header.offset, `UPX ${format} files are detected but not unpacked yet (Linux ELF amd64 is)`);
  }
  const info = readPackInfo(file, header);
  if (info.originalSize > MAX_UNPACKED_SIZE) {
    throw new FormatError(header.overlayOffset, `UPX says it unpacks to ${info.originalSize} bytes, over the limit`);
  }
  const { image, walk, end } = unpackElf64(file, info, header.method);
  const r = new ByteReader(file);
  if (!r.has(end, 8) || r.u32(end) !== 0 || r.u32(end + 4) !== UPX_MAGIC) {
    throw new FormatError(end, 'UPX blocks do not end with the end-of-blocks marker');
  }
  if (walk.compressedAdler !== header.compressedAdler || walk.uncompressedAdler !== header.uncompressedAdler) {
    throw new FormatError(header.offset, 'UPX checksums do not match the unpacked data');
  }
  return {
    image,
    facts: {
      format,
      methods: [...walk.methods].map(methodName),
      filters: [...walk.filters].map((id) => `ctok32 0x${id.toString(16)}`),
      blocks: walk.blocks,
      packedSize: file.length,
      unpackedSize: image.length,
    },
  };
}
