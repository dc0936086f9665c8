import type { CodeFacts } from '../../code/types';

/**
 * Code facts for tests, read from Go's own disassembler (`go tool objdump`) and the compiler's inlining report
 * (`go build -gcflags=-m`), both captured by test/fixtures/build-graph.sh. Until the code pass is merged this
 * stands in for it, from tools that are not ours:
 *  - calls: `CALL` instructions encoded E8 rel32 whose target is a function entry;
 *  - references: IP-relative `LEAQ sym(SB)`, leading to a function when the target is an entry (method values,
 *    closures); other targets (itabs) are data, as the pass reports them;
 *  - inline frames: a run of instructions whose source file is not the function's own file and whose line falls
 *    in a function the compiler reported it "can inline"; the frame is named after that function.
 */
interface Instruction {
  file: string;
  line: number;
  address: number;
  bytes: string;
  text: string;
}

interface Block {
  name: string;
  file: string;
  instructions: Instruction[];
}

function parseObjdump(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    const header = /^TEXT (\S+)\(SB\) (\S+)/.exec(line);
    if (header) {
      blocks.push({ name: header[1]!, file: header[2]!.replace(/^.*\//, ''), instructions: [] });
      continue;
    }
    const m = /^\s+(\S+):(\d+)\s+0x([0-9a-f]+)\s+([0-9a-f]+)\s+(.*?)\s*$/.exec(line);
    if (m && blocks.length > 0) {
      blocks.at(-1)!.instructions.push({
        file: m[1]!,
        line: Number(m[2]),
        address: parseInt(m[3]!, 16),
        bytes: m[4]!,
        text: m[5]!,
      });
    }
  }
  return blocks;
}

function int32At(hex: string, byteOffset: number): number {
  let value = 0;
  for (let i = 3; i >= 0; i--)
    value = value * 256 + parseInt(hex.slice((byteOffset + i) * 2, (byteOffset + i) * 2 + 2), 16);
  return value >= 2 ** 31 ? value - 2 ** 32 : value;
}

/** "can inline" lines: file base name → [line, qualified name], from the report's "dir/file.go:L:C: can inline F". */
function inlinable(report: string, packageOfDir: (dir: string) => string | null): Map<string, [number, string][]> {
  const byFile = new Map<string, [number, string][]>();
  for (const m of report.matchAll(/^(\S*?)([^/\s]+\.go):(\d+):\d+: can inline (\S+)$/gm)) {
    const pkg = packageOfDir(m[1]!.replace(/\/$/, ''));
    if (!pkg) continue;
    const list = byFile.get(m[2]!) ?? [];
    list.push([Number(m[3]), `${pkg}.${m[4]!}`]);
    byFile.set(
      m[2]!,
      list.sort((a, b) => a[0] - b[0]),
    );
  }
  return byFile;
}

function inlinedName(inst: Instruction, candidates: Map<string, [number, string][]>): string | null {
  let name: string | null = null;
  for (const [line, fn] of candidates.get(inst.file) ?? []) if (line <= inst.line) name = fn;
  return name;
}

class Columns {
  calls = { pc: [] as number[], caller: [] as number[], frame: [] as number[], callee: [] as number[] };
  refs = {
    pc: [] as number[],
    caller: [] as number[],
    frame: [] as number[],
    target: [] as number[],
    callee: [] as number[],
  };
  frames = { outer: [] as number[], parent: [] as number[], name: [] as string[], callPc: [] as number[] };
}

function readBlock(
  block: Block,
  caller: number,
  byEntry: Map<number, number>,
  inl: Map<string, [number, string][]>,
  out: Columns,
): void {
  let frame = -1;
  let frameName: string | null = null;
  for (const inst of block.instructions) {
    const name = inst.file === block.file ? null : inlinedName(inst, inl);
    if (name !== frameName) {
      frameName = name;
      frame = name === null ? -1 : out.frames.name.length;
      if (name !== null) {
        out.frames.outer.push(caller);
        out.frames.parent.push(-1);
        out.frames.name.push(name);
        out.frames.callPc.push(inst.address);
      }
    }
    const length = inst.bytes.length / 2;
    if (inst.text.startsWith('CALL ') && inst.bytes.startsWith('e8') && length === 5) {
      const callee = byEntry.get(inst.address + 5 + int32At(inst.bytes, 1));
      if (callee === undefined) continue;
      out.calls.pc.push(inst.address);
      out.calls.caller.push(caller);
      out.calls.frame.push(frame);
      out.calls.callee.push(callee);
    } else if (/^LEAQ \S+\(SB\), /.test(inst.text)) {
      const target = inst.address + length + int32At(inst.bytes, length - 4);
      out.refs.pc.push(inst.address);
      out.refs.caller.push(caller);
      out.refs.frame.push(frame);
      out.refs.target.push(target);
      out.refs.callee.push(byEntry.get(target) ?? -1);
    }
  }
}

export function factsFromObjdump(
  objdump: string,
  inliningReport: string,
  functions: readonly { entry: number }[],
  packageOfDir: (dir: string) => string | null,
): CodeFacts {
  const byEntry = new Map(functions.map((f, i) => [f.entry, i]));
  const inl = inlinable(inliningReport, packageOfDir);
  const out = new Columns();
  for (const block of parseObjdump(objdump)) {
    const caller = byEntry.get(block.instructions[0]?.address ?? -1);
    if (caller !== undefined) readBlock(block, caller, byEntry, inl, out);
  }
  const { calls, refs, frames } = out;
  return {
    arch: 'x86_64',
    calls: {
      count: calls.pc.length,
      pc: Float64Array.from(calls.pc),
      caller: Int32Array.from(calls.caller),
      frame: Int32Array.from(calls.frame),
      callee: Int32Array.from(calls.callee),
    },
    refs: {
      count: refs.pc.length,
      pc: Float64Array.from(refs.pc),
      caller: Int32Array.from(refs.caller),
      frame: Int32Array.from(refs.frame),
      target: Float64Array.from(refs.target),
      length: new Int32Array(refs.pc.length).fill(-1),
      isFunction: Uint8Array.from(refs.callee, (c) => (c >= 0 ? 1 : 0)),
      access: new Uint8Array(refs.pc.length), // every LEAQ takes an address
      callee: Int32Array.from(refs.callee),
    },
    inline: {
      count: frames.name.length,
      outer: Int32Array.from(frames.outer),
      parent: Int32Array.from(frames.parent),
      name: frames.name,
      callPc: Float64Array.from(frames.callPc),
    },
    codeBytes: 0,
    diagnostics: [],
  };
}
