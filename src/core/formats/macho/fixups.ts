import { guarded } from '../../io/errors';
import type { PointerFixups } from '../exe';
import { FixupCollector } from '../pointers';
import { readRebaseOpcodes } from './rebase';
import type { MachOState } from './types';

/** The slots dyld rebases, from whichever of the two encodings the file uses (a file may carry both). */
export function readMachOFixups(
  state: MachOState,
  readAt: (address: number, size: number) => Uint8Array | null,
): PointerFixups {
  const out = new FixupCollector();
  const pointerSize = state.header.bits === 64 ? 8 : 4;
  const { rebase } = state.fixupData;
  if (rebase) {
    const ctx = {
      reader: state.reader,
      segments: state.segments,
      pointerSize,
      storedAt: (a: number) => readAt(a, pointerSize),
    } as const;
    guarded('macho', state.diagnostics, () => readRebaseOpcodes(ctx, rebase, out), undefined);
  }
  return out.done();
}
