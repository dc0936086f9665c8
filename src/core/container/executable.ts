import { parseExecutable } from '../formats/detect';
import { FormatError } from '../io/errors';

/** How much of a file's start is read to tell whether it is an executable. */
export const EXECUTABLE_HEAD_BYTES = 4096;

/**
 * Whether a file's first bytes are an ELF, PE or Mach-O executable, by the same readers the analysis uses (not by
 * the x bit, which image layers and copied folders lose or invent). A reader that recognises its magic but cannot
 * finish on the head alone (it throws a FormatError) still counts: the whole file may well read.
 */
export function looksExecutable(head: Uint8Array): boolean {
  try {
    return parseExecutable(head.subarray(0, EXECUTABLE_HEAD_BYTES)) !== null;
  } catch (error) {
    if (error instanceof FormatError) return true;
    throw error;
  }
}
