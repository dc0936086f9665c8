import { describe, expect, it } from 'vitest';
import { fixture, parseNm, truth } from '../../../test/fixtures';
import { ACCESS_ADDRESS } from './columns';
import { callMap, follow, hexRows } from './testing/follow';

/**
 * Direct calls against `go tool objdump` (truth/<binary>.calls.tsv, written by test/fixtures/build-code.sh: every
 * CALL/BL objdump lists whose target, from the instruction bytes, is the address `go tool nm` gives the callee).
 */
const CALL_FIXTURES = [
  ['linux-amd64', 'x86_64'],
  ['inlined-linux-amd64', 'x86_64'],
  ['inlined-linux-arm64', 'arm64'],
  ['darwin-arm64', 'arm64'],
  ['linux-386', 'i386'],
  ['linux-arm', 'arm'],
  ['windows-amd64.exe', 'x86_64'],
  ['linux-amd64-cgo', 'x86_64'],
] as const;

/**
 * Whether `pc` lies in Go code: between runtime.text and runtime.etext as `go tool nm` gives them
 * (truth/<name>.gonm.txt); the C code of a cgo build lies outside and has no pclntab entry to follow.
 */
function inGoCode(name: string): (pc: number) => boolean {
  const symbols = parseNm(truth(`${name}.gonm.txt`));
  const start = symbols.find((s) => s.name === 'runtime.text')!.address;
  const end = symbols.find((s) => s.name === 'runtime.etext')!.address;
  return (pc) => pc >= start && pc < end;
}

describe.each(CALL_FIXTURES)('calls in %s', (name, arch) => {
  const followed = follow(fixture(name));
  const ours = callMap(followed);
  const isGo = name.endsWith('-cgo') ? inGoCode(name) : () => true;
  const expected = new Map(
    hexRows(truth(`${name}.calls.tsv`))
      .filter(([pc]) => isGo(pc!))
      .map(([pc, target]) => [pc!, target!]),
  );

  it('decodes the architecture and covers the text', () => {
    expect(followed.code.arch).toBe(arch);
    expect(followed.code.diagnostics).toEqual([]);
    expect(expected.size).toBeGreaterThan(8000);
  });

  it('finds every call objdump lists, to the same callee', () => {
    const missed = [...expected].filter(([pc, target]) => ours.get(pc) !== target);
    expect(missed).toEqual([]);
  });

  it('reports no call objdump does not list', () => {
    const extra = [...ours].filter(([pc, target]) => expected.get(pc) !== target);
    expect(extra).toEqual([]);
  });
});

describe('stripped builds', () => {
  it.each(['amd64', 'arm64'])('-s -w on %s gives the same calls as the build with symbols', (arch) => {
    const full = follow(fixture(`inlined-linux-${arch}`));
    const stripped = follow(fixture(`inlined-linux-${arch}-sw`));
    expect(callMap(stripped)).toEqual(callMap(full));
  });
});

describe('data references', () => {
  it('finds every RIP-relative LEAQ objdump lists in the main package, with its target', () => {
    const { code } = follow(fixture('inlined-linux-amd64'));
    const rows = truth('inlined-linux-amd64.leaq.tsv')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    expect(rows.length).toBeGreaterThan(10);
    const ours = new Map<number, number>();
    for (let row = 0; row < code.refs.count; row++) {
      if (code.refs.access[row] === ACCESS_ADDRESS) ours.set(code.refs.pc[row]!, code.refs.target[row]!);
    }
    for (const [pc, length, displacement] of rows) {
      const at = parseInt(pc!, 16);
      expect(ours.get(at), pc).toBe(at + Number(length) + Number(displacement));
    }
  });

  // The literals main.go passes to show() and stack(), with the lengths Go gives them.
  const LITERALS = ['literal for the string length check', 'short', 'an absolute path started this program', 'leaf'];

  it.each(['amd64', 'arm64'])('pairs string pointers with the length beside them on %s', (arch) => {
    const { exe, code } = follow(fixture(`inlined-linux-${arch}`));
    const decoder = new TextDecoder();
    for (const literal of LITERALS) {
      let found = false;
      for (let row = 0; row < code.refs.count && !found; row++) {
        if (code.refs.length[row] !== literal.length) continue;
        const bytes = exe.readAt(code.refs.target[row]!, literal.length);
        found = bytes !== null && decoder.decode(bytes) === literal;
      }
      expect(found, literal).toBe(true);
    }
  });
});
