// Test support: fixtures parsed by the project's format readers, and facts about them from external tools.
import type { Exe } from '../../formats/exe';
import { parseElf } from '../../formats/elf';
import { parseMachO } from '../../formats/macho';
import { parsePe } from '../../formats/pe';
import { hasTruth, parseNm, truth } from '../../../../test/fixtures';

export function exeOf(bytes: Uint8Array): Exe {
  const exe = parseElf(bytes) ?? parsePe(bytes) ?? parseMachO(bytes);
  if (!exe) throw new Error('not an executable the format readers know');
  return exe;
}

/** Non-empty truth file, or null. */
export function truthText(name: string): string | null {
  if (!hasTruth(name)) return null;
  const text = truth(name);
  return text.trim() === '' ? null : text;
}

/** Go text symbols from `go tool nm -n` (truth/<name>.gonm.txt), with their addresses. */
export function goTextSymbols(name: string): { address: number; name: string }[] {
  const text = truthText(`${name}.gonm.txt`);
  if (!text) return [];
  return parseNm(text).filter((s) => s.type === 'T' || s.type === 't');
}

/** Address of `runtime.text` in `go tool nm` output, or null when the fixture has no symbols. */
export function runtimeText(name: string): number | null {
  return goTextSymbols(name).find((s) => s.name === 'runtime.text')?.address ?? null;
}

/** A section's address, file offset and size from `readelf -SW` output (truth/<name>.readelf-S.txt). */
export function readelfSection(
  name: string,
  section: string,
): { address: number; offset: number; size: number } | null {
  for (const line of truthText(`${name}.readelf-S.txt`)?.split('\n') ?? []) {
    const match = /\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)/.exec(line);
    if (match && match[1] === section) {
      return { address: parseInt(match[2]!, 16), offset: parseInt(match[3]!, 16), size: parseInt(match[4]!, 16) };
    }
  }
  return null;
}
