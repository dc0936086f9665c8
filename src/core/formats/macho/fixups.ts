import { guarded } from '../../io/errors';
import type { AddressMap } from '../address-map';
import type { PointerFixups } from '../exe';
import { FixupCollector } from '../pointers';
import { readChainedFixups } from './chained-fixups';
import { readRebaseOpcodes } from './rebase';
import type { MachOState } from './types';

/** The image base chained fixups count from: the segment that maps the Mach-O header (file offset 0). */
function headerAddress(state: MachOState): number {
  const text =
    state.segments.find((s) => s.offset === 0 && s.fileSize > 0) ?? state.segments.find((s) => s.type === '__TEXT');
  return text?.address ?? 0;
}

/** The slots dyld rebases, from whichever of the two encodings the file uses (a file may carry both). */
export function readMachOFixups(state: MachOState, addresses: AddressMap): PointerFixups {
  const out = new FixupCollector();
  const pointerSize = state.header.bits === 64 ? 8 : 4;
  const { rebase, chained } = state.fixupData;
  const { reader, segments, diagnostics } = state;
  if (rebase) {
    const ctx = { reader, segments, pointerSize, storedAt: (a: number) => addresses.readAt(a, pointerSize) } as const;
    guarded('macho', diagnostics, () => readRebaseOpcodes(ctx, rebase, out), undefined);
  }
  if (chained) {
    const ctx = {
      reader,
      segments,
      imageBase: headerAddress(state),
      storedAt: (a: number) => addresses.readAt(a, 8),
      fileOffsetOf: (a: number) => addresses.fileOffsetOf(a),
    };
    guarded('macho', diagnostics, () => readChainedFixups(ctx, chained, out), undefined);
  }
  return out.done();
}
