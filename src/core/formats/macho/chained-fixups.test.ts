// Chained fixups, on the darwin fixtures rewritten from rebase opcodes into each chained pointer format
// (testing/chain.ts follows <mach-o/fixup-chains.h>): the slots must be llvm-objdump's rebase list and the targets
// the addresses the rebase opcodes left in the file.
import { describe, expect, it } from 'vitest';
import { fixture, truth } from '../../../../test/fixtures';
import { parseMachO } from './thin';
import { withChainedFixups, type ChainFormat } from './testing/chain';

function rebaseSlots(name: string): number[] {
  return [...truth(`${name}.rebase.txt`).matchAll(/^\S+\s+\S+\s+0x([0-9A-F]+)\s+pointer$/gm)]
    .map((m) => parseInt(m[1]!, 16))
    .sort((a, b) => a - b);
}

const FORMATS: ChainFormat[] = ['PTR_64', 'PTR_64_OFFSET', 'ARM64E', 'ARM64E_USERLAND_AUTH'];

describe.each(['darwin-arm64', 'leaky-darwin-arm64'])('%s with chained fixups', (name) => {
  const original = fixture(name);
  const slots = rebaseSlots(name);
  const targets = [...parseMachO(original)!.pointerFixups.targets];

  it.each(FORMATS)('%s: every slot with its target', (format) => {
    const chained = withChainedFixups(original, slots, targets, format);
    const exe = parseMachO(chained)!;
    expect(exe.header.chainedFixups).toBe(true);
    expect(exe.header.dyldInfo).toBe(false);
    expect(exe.diagnostics).toEqual([]);
    expect(exe.pointerFixups.slots.length).toBe(slots.length);
    expect([...exe.pointerFixups.slots]).toEqual(slots);
    expect([...exe.pointerFixups.targets]).toEqual(targets);
    // The stored word is now an encoding, not the address: pointerAt decodes it.
    const last = slots.length - 1;
    expect(exe.pointerAt(slots[last]!)).toBe(targets[last]);
  });
});
