// Test helper: what parsing damaged bytes came to, for the damage and fuzz tests. Not used by the product.
import { FormatError } from '../../io/errors';
import type { Exe } from '../exe';
import { parseElf } from './index';

export type Outcome = { kind: 'null' } | { kind: 'format-error'; error: FormatError } | { kind: 'exe'; exe: Exe };

/**
 * Parses and then uses everything the Exe offers, so a failure deferred to a getter would surface here too. Any
 * exception other than a FormatError is our bug and propagates.
 */
export function outcomeOf(bytes: Uint8Array): Outcome {
  let exe: Exe | null;
  try {
    exe = parseElf(bytes);
  } catch (error) {
    if (error instanceof FormatError) return { kind: 'format-error', error };
    throw error;
  }
  if (!exe) return { kind: 'null' };
  for (const section of exe.sections) exe.sectionData(section);
  exe.readAt(exe.entry, 64);
  exe.fileOffsetOf(exe.entry);
  JSON.stringify([exe.sections, exe.segments, exe.symbols, exe.linkage, exe.notes, exe.header, exe.diagnostics]);
  return { kind: 'exe', exe };
}
