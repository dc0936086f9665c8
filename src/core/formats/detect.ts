import { FormatError } from '../io/errors';
import type { ParsedFile } from './exe';
import { parseElf } from './elf/index';
import { parseFat, parseMachO } from './macho/index';
import { parsePe } from './pe/index';

/**
 * Tries each reader in turn. Returns null when no reader recognises the bytes; a FormatError from a reader that
 * recognised its magic but could not read the header propagates to the caller.
 */
export function parseExecutable(bytes: Uint8Array): ParsedFile | null {
  const single = parseElf(bytes) ?? parsePe(bytes) ?? parseMachO(bytes);
  if (single) {
    return { container: single.format, exes: [single], sliceOffsets: [0], diagnostics: [] };
  }
  const fat = parseFat(bytes);
  if (fat) {
    if (fat.exes.length === 0) throw new FormatError(0, 'universal (fat) Mach-O file holds no readable architecture');
    return { container: 'macho-fat', exes: fat.exes, sliceOffsets: fat.sliceOffsets, diagnostics: fat.diagnostics };
  }
  return null;
}
