import { FormatError, type Diagnostic } from '../../io/errors';
import { ByteReader, decodeUtf8, hex } from '../../io/reader';
import { MAX_STRING_LEN } from '../../io/limits';

/**
 * An ELF string table (.shstrtab, .strtab, .dynstr). A bad index yields null and is counted, so one corrupt name
 * costs that name and a single diagnostic for the table, not the thousands of good names around it.
 */
export class StringTable {
  private failures = 0;
  private firstFailure = -1;

  constructor(
    private readonly file: ByteReader,
    readonly offset: number,
    readonly size: number,
    what: string,
  ) {
    file.check(offset, size, what);
  }

  lookup(index: number): string | null {
    if (index < this.size) {
      try {
        return this.file.cstring(this.offset + index, Math.min(MAX_STRING_LEN, this.size - index));
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
      }
    }
    this.failures++;
    if (this.firstFailure < 0) this.firstFailure = this.offset + index;
    return null;
  }

  /** Adds one diagnostic if any lookup failed since the last report (tables like .dynstr serve several readers). */
  report(diagnostics: Diagnostic[], what: string): void {
    if (this.failures === 0) return;
    diagnostics.push({
      level: 'warning',
      source: 'elf',
      offset: this.firstFailure,
      message: `${this.failures} ${what} outside or unterminated in the string table at ${hex(this.offset)}`,
    });
    this.failures = 0;
    this.firstFailure = -1;
  }
}

/** Text up to the first NUL of a bounded field (PT_INTERP, note owners, Go's build id). */
export function textUntilNul(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return decodeUtf8(nul < 0 ? bytes : bytes.subarray(0, nul));
}
