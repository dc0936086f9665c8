import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esbuildBinary, fixture, fixturesDir, truth } from '../../../test/fixtures';
import { parseExecutable } from '../formats/detect';
import { analyzeGo } from '../go/index';
import { packageOf } from '../go/packages';
import { followCode } from './index';
import type { CodeFacts } from './types';
import { follow, type Followed } from './testing/follow';

/** The frame chain at a call site, innermost first, ending with the function the code lies in. */
function chainAt({ code, functions }: Followed, row: number): string[] {
  const inline = code.inline!;
  const names: string[] = [];
  for (let frame = code.calls.frame[row]!; frame >= 0; frame = inline.parent[frame]!) names.push(inline.name[frame]!);
  names.push(functions[code.calls.caller[row]!]!.name);
  return names;
}

function stacksToStack(followed: Followed): string[] {
  const rows: string[] = [];
  for (let row = 0; row < followed.code.calls.count; row++) {
    if (followed.functions[followed.code.calls.callee[row]!]!.name === 'main.stack') {
      rows.push(chainAt(followed, row).join('\t'));
    }
  }
  return rows.sort();
}

/** (function the frame was inlined into, inlined function) for every frame in the main package's functions. */
function mainFrames({ code, functions }: Followed): string[] {
  const inline = code.inline!;
  const pairs: string[] = [];
  for (let frame = 0; frame < inline.count; frame++) {
    const outer = functions[inline.outer[frame]!]!.name;
    if (outer.startsWith('main.')) pairs.push(`${outer} <- ${inline.name[frame]}`);
  }
  return pairs.sort();
}

/**
 * What -gcflags=-m reported, as (enclosing function, inlined function): the enclosing function is the one whose
 * `func` line in main.go comes last before the reported line; names without a package are the main package's.
 */
function compilerInlining(present: Set<string>): string[] {
  const source = readFileSync(join(fixturesDir, 'go', 'inlined', 'main.go'), 'utf8').split('\n');
  const starts: { line: number; name: string }[] = [];
  source.forEach((text, i) => {
    const m = /^func (?:\(\w+ (\*?\w+)\) )?(\w+)/.exec(text);
    if (m) starts.push({ line: i + 1, name: m[1] ? `main.(${m[1]}).${m[2]}` : `main.${m[2]}` });
  });
  const pairs: string[] = [];
  for (const text of truth('inlined.gcflags-m.txt').split('\n').filter(Boolean)) {
    const [, line, callee] = /^main\.go:(\d+):\d+: inlining call to (.+)$/.exec(text)!;
    const outer = starts.filter((s) => s.line <= Number(line)).at(-1)!.name;
    const name = /^[\w/]+\.\w/.test(callee!) && !callee!.startsWith('(') ? callee! : `main.${callee}`;
    // Functions that exist only inlined (main.middle, main.outer) are dropped by the linker, with their trees.
    if (present.has(outer)) pairs.push(`${outer} <- ${name}`);
  }
  return pairs.sort();
}

describe.each(['amd64', 'arm64'])('inline trees on linux/%s', (arch) => {
  const full = follow(fixture(`inlined-linux-${arch}`));
  const stripped = follow(fixture(`inlined-linux-${arch}-sw`));

  // The program prints frames up to main.main; a chain from one call site ends at the function the call lies in,
  // and the frame printed after it is that function's own caller.
  it('attributes calls to the inlined frames runtime.CallersFrames saw', () => {
    const printed = truth('inlined.stacks.txt')
      .split('\n')
      .filter((line) => line.startsWith('leaf\t') || line.startsWith('bump\t'))
      .map((line) => line.split('\t').slice(1))
      .sort();
    expect(printed).toHaveLength(3);
    const chains = stacksToStack(full).map((line) => line.split('\t'));
    expect(stacksToStack(stripped)).toEqual(stacksToStack(full));
    expect(chains.map((chain, i) => printed[i]!.slice(0, chain.length))).toEqual(chains);
    const callers = new Set<string>();
    for (let row = 0; row < full.code.calls.count; row++) {
      const { caller, callee } = { caller: full.code.calls.caller[row]!, callee: full.code.calls.callee[row]! };
      callers.add(`${full.functions[caller]!.name} -> ${full.functions[callee]!.name}`);
    }
    chains.forEach((chain, i) => {
      const next = printed[i]![chain.length];
      if (next !== undefined) expect(callers).toContain(`${next} -> ${chain.at(-1)}`);
    });
  });

  it('holds exactly the inlined calls the compiler reported', () => {
    const present = new Set(full.functions.map((f) => f.name));
    expect(mainFrames(full)).toEqual(compilerInlining(present));
  });

  it('reads the same frames with symbols stripped (found through moduledata)', () => {
    expect(stripped.exe.symbols).toHaveLength(0);
    const strippedInline = stripped.code.inline!;
    expect(strippedInline.count).toBe(full.code.inline!.count);
    expect(strippedInline.name).toEqual(full.code.inline!.name);
    expect(Array.from(strippedInline.parent)).toEqual(Array.from(full.code.inline!.parent));
    expect(Array.from(stripped.code.calls.frame)).toEqual(Array.from(full.code.calls.frame));
    expect(stripped.code.diagnostics).toEqual([]);
  });
});

describe("esbuild's Go 1.26 binary (stripped, moduledata in .go.module)", () => {
  const followed = follow(esbuildBinary());
  const code: CodeFacts = followed.code;

  it('finds the direct calls GNU objdump lists, exactly (truth/esbuild.calls.txt)', () => {
    const [calls, sha256] = truth('esbuild.calls.txt')
      .split('\n')
      .map((line) => line.split('\t')[1]);
    const lines: string[] = [];
    for (let row = 0; row < code.calls.count; row++) {
      const target = followed.functions[code.calls.callee[row]!]!.entry;
      lines.push(`${code.calls.pc[row]!.toString(16)} ${target.toString(16)}\n`);
    }
    expect(code.calls.count).toBe(Number(calls));
    expect(createHash('sha256').update(lines.sort().join('')).digest('hex')).toBe(sha256);
  });

  it('finds inline frames whose names are Go functions of packages the binary holds', () => {
    const inline = code.inline!;
    expect(code.diagnostics).toEqual([]);
    expect(inline.count).toBeGreaterThan(10_000);
    const packages = new Set(followed.functions.map((f) => packageOf(f.name)));
    const names = [...new Set(inline.name)];
    const known = names.filter((name) => packages.has(packageOf(name)));
    expect(known.length / names.length).toBeGreaterThan(0.97);
    // Each frame's parent comes before it, and every call pc lies inside the function it was inlined into.
    const misplaced: number[] = [];
    for (let frame = 0; frame < inline.count; frame++) {
      const outer = followed.functions[inline.outer[frame]!]!;
      const pc = inline.callPc[frame]!;
      if (inline.parent[frame]! >= frame || pc < outer.entry || pc >= outer.entry + outer.size) misplaced.push(frame);
    }
    expect(misplaced).toEqual([]);
  });

  it('attributes a fair share of calls to inlined code', () => {
    const inFrames = code.calls.frame.filter((frame) => frame >= 0).length;
    expect(inFrames / code.calls.count).toBeGreaterThan(0.1);
    expect(inFrames / code.calls.count).toBeLessThan(0.6);
  });
});

describe('releases before 1.12', () => {
  it('leaves inline trees unread when the Go version says the entries have another layout', () => {
    const bytes = fixture('inlined-linux-amd64');
    const exe = parseExecutable(bytes)!.exes[0]!;
    const go = analyzeGo(exe, bytes);
    const code = followCode(exe, go.pclntab!, go.tableFunctions!, bytes, 'go1.11.13');
    expect(code.inline).toBeNull();
    expect(code.calls.count).toBeGreaterThan(8000);
    expect(code.diagnostics).toEqual([expect.objectContaining({ source: 'inline', level: 'info' })]);
    expect(followCode(exe, go.pclntab!, go.tableFunctions!, bytes, 'go1.19.8').inline).not.toBeNull();
  });
});
