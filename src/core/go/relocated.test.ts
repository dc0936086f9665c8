// Go metadata of a PIE whose relocated words are stored as 0, as lld leaves them: every R_X86_64_RELATIVE slot
// readelf lists for linux-amd64-pie is zeroed, and the symbols are dropped so nothing but the relocations can
// tell where the text starts. runtime.text comes from nm.
import { describe, expect, it } from 'vitest';
import { fixture, parseNm, truth } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import type { Exe } from '../formats/exe';
import { fixupTarget, pointerReader } from '../formats/pointers';
import { findPclntab } from './pclntab';
import { resolveTextStart } from './textstart';
import { versionFromSymbol } from './version';

const NAME = 'linux-amd64-pie';
const BASE = 0x400000; // first PT_LOAD: address 0x400000 at file offset 0
const runtimeText = parseNm(truth(`${NAME}.nm.txt`)).find((e) => e.name === 'runtime.text')!.address;
const slots = [...truth(`${NAME}.readelf-r.txt`).matchAll(/^([0-9a-f]{16})\s+[0-9a-f]{16} R_X86_64_RELATIVE\s/gm)].map(
  (m) => parseInt(m[1]!, 16),
);

function zeroedPie(): { file: Uint8Array; exe: Exe } {
  const file = fixture(NAME).slice();
  for (const slot of slots) file.fill(0, slot - BASE, slot - BASE + 8);
  const exe = parseExecutable(file)!.exes[0]!;
  return { file, exe };
}

describe(`${NAME} with its relocated words zeroed`, () => {
  it('finds the text start in the pclntab header through its relocation', () => {
    const { file, exe } = zeroedPie();
    const stripped: Exe = { ...exe, symbols: [] };
    const table = findPclntab(stripped, file)!;
    expect(table.textStart).toBe(0); // as stored
    expect(resolveTextStart(table, stripped, file)).toEqual({ address: runtimeText, source: 'header' });
  });

  it('finds it through moduledata when the header word has no relocation either', () => {
    const { file, exe } = zeroedPie();
    const table = findPclntab(exe, file)!;
    const headerWord = table.address! + 8 + 2 * 8;
    expect(fixupTarget(exe.pointerFixups, headerWord)).toBe(runtimeText);
    // The same relocations without the header's: what Go 1.26, which writes no textStart, leaves to moduledata.
    const keep = [...exe.pointerFixups.slots.keys()].filter((i) => exe.pointerFixups.slots[i] !== headerWord);
    const pointerFixups = {
      slots: Float64Array.from(keep, (i) => exe.pointerFixups.slots[i]!),
      targets: Float64Array.from(keep, (i) => exe.pointerFixups.targets[i]!),
    };
    const bare: Exe = { ...exe, symbols: [], pointerFixups, pointerAt: pointerReader(exe, pointerFixups) };
    expect(resolveTextStart(table, bare, file)).toEqual({ address: runtimeText, source: 'moduledata' });
  });

  it('reads runtime.buildVersion through its relocated string pointer', () => {
    const { exe } = zeroedPie();
    expect(versionFromSymbol(exe)).toBe(/: (go\S+)/.exec(truth(`${NAME}.goversion.txt`))![1]);
    const unrelocated: Exe = { ...exe, pointerAt: () => null };
    expect(versionFromSymbol(unrelocated)).toBeNull();
  });
});
