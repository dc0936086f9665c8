import { FormatError, type Diagnostic } from '../../io/errors';
import { ByteReader, hex } from '../../io/reader';

/** A run of fixed-size entries (section headers, program headers, symbols, dynamic entries). */
export interface TableSpec {
  what: string;
  offset: number;
  count: number;
  /** Distance between entries as the file declares it; may exceed entrySize, never fall below it. */
  stride: number;
  entrySize: number;
  max: number;
}

/**
 * Reads every entry of a table whose extent lies inside the file. A bad count or extent fails the whole table (the
 * caller turns that into a diagnostic); an entry that cannot be read becomes null, so indexes into the table (sh_link,
 * symbol numbers) keep pointing at the right entries, and all such entries share one diagnostic.
 */
export function readTable<T>(
  reader: ByteReader,
  spec: TableSpec,
  readEntry: (offset: number) => T,
  diagnostics: Diagnostic[],
): (T | null)[] {
  if (spec.count === 0) return [];
  if (spec.stride < spec.entrySize) {
    throw new FormatError(
      spec.offset,
      `${spec.what} declares ${spec.stride}-byte entries; they take ${spec.entrySize}`,
    );
  }
  if (spec.count > spec.max) {
    throw new FormatError(spec.offset, `${spec.what} declares ${spec.count} entries, more than the limit ${spec.max}`);
  }
  reader.check(spec.offset, spec.count * spec.stride, spec.what);
  const entries: (T | null)[] = [];
  let failures = 0;
  let firstFailure = -1;
  for (let index = 0; index < spec.count; index++) {
    const at = spec.offset + index * spec.stride;
    try {
      entries.push(readEntry(at));
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      entries.push(null);
      failures++;
      if (firstFailure < 0) firstFailure = at;
    }
  }
  if (failures > 0) {
    diagnostics.push({
      level: 'warning',
      source: 'elf',
      offset: firstFailure,
      message: `${failures} entries of the ${spec.what} at ${hex(spec.offset)} could not be read`,
    });
  }
  return entries;
}

/** Something the headers place in the file: a section's or a segment's bytes. */
export interface FileExtent {
  label: string;
  offset: number;
  size: number;
}

/** One diagnostic naming the extents that reach past the end of the file (a truncated or damaged file). */
export function reportPastEnd(
  reader: ByteReader,
  extents: FileExtent[],
  what: string,
  diagnostics: Diagnostic[],
): void {
  const outside = extents.filter((e) => e.size > 0 && !reader.has(e.offset, e.size));
  const first = outside[0];
  if (!first) return;
  const labels = outside
    .slice(0, 5)
    .map((e) => e.label)
    .join(', ');
  diagnostics.push({
    level: 'warning',
    source: 'elf',
    offset: first.offset,
    message: `${outside.length} ${what} extend past the end of the file (${labels}); the first at ${hex(first.offset)}`,
  });
}
