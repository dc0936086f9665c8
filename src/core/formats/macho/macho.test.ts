// The thin darwin fixtures against truth from outside our code: Go's debug/macho (truth/*.dump.json), `go tool
// nm` (truth/*.gonm.txt) and `llvm-objdump --macho --private-headers` (test/fixtures/truth/*.private-headers.txt).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, parseNm, truth } from '../../../../test/fixtures';
import type { Exe } from '../exe';
import { parseFat, parseMachO } from './index';
import type { LlvmCommand } from './testing/llvm-headers';
import { parsePrivateHeaders, protection } from './testing/llvm-headers';

interface GoDump {
  sections: { name: string; address: number; offset: number; size: number }[];
  symbols: number;
  importedLibraries: string[];
}

function llvmTruth(name: string) {
  return parsePrivateHeaders(
    readFileSync(new URL(`../../../../test/fixtures/truth/${name}.private-headers.txt`, import.meta.url), 'utf8'),
  );
}

function commandsNamed(commands: LlvmCommand[], cmd: string): LlvmCommand[] {
  return commands.filter((command) => command.cmd === cmd);
}

const THIN = [
  { name: 'darwin-amd64', arch: 'x86_64' },
  { name: 'darwin-arm64', arch: 'arm64' },
];

function load(name: string) {
  return {
    exe: parseMachO(fixture(name)) as Exe,
    dump: JSON.parse(truth(`${name}.dump.json`)) as GoDump,
    llvm: llvmTruth(name),
  };
}

describe.each(THIN)('$name: sections and segments', ({ name, arch }) => {
  const { exe, dump, llvm } = load(name);

  it('reads a 64-bit little-endian Mach-O without diagnostics', () => {
    expect(exe).not.toBeNull();
    expect(exe.format).toBe('macho');
    expect(exe.arch).toBe(arch);
    expect(exe.bits).toBe(64);
    expect(exe.littleEndian).toBe(true);
    expect(exe.diagnostics).toEqual([]);
  });

  it('has the sections Go debug/macho lists, in order', () => {
    const ours = exe.sections.map((s) => ({
      name: `${s.segment},${s.name}`,
      address: s.address,
      offset: s.offset,
      size: s.size,
    }));
    expect(ours).toEqual(dump.sections);
  });

  it('has the section types llvm-objdump prints', () => {
    const llvmSections = llvm.commands.flatMap((command) => command.sections);
    expect(exe.sections.map((s) => s.type)).toEqual(llvmSections.map((s) => s.get('type')));
  });

  it('has the segments llvm-objdump prints, with their initial protections', () => {
    const segments = commandsNamed(llvm.commands, 'LC_SEGMENT_64').map((c) => ({
      type: c.fields.get('segname'),
      address: Number(c.fields.get('vmaddr')),
      memSize: Number(c.fields.get('vmsize')),
      offset: Number(c.fields.get('fileoff')),
      fileSize: Number(c.fields.get('filesize')),
      prot: protection(c.fields.get('initprot')),
    }));
    const ours = exe.segments.map((s) => ({
      type: s.type,
      address: s.address,
      memSize: s.memSize,
      offset: s.offset,
      fileSize: s.fileSize,
      prot: `${s.readable ? 'R' : '-'}${s.writable ? 'W' : '-'}${s.executable ? 'X' : '-'}`,
    }));
    expect(ours).toEqual(segments);
  });
});

describe.each(THIN)('$name: symbols and linkage', ({ name }) => {
  const { exe, dump, llvm } = load(name);

  it('counts the symbols Go debug/macho counts and keeps every go tool nm name', () => {
    expect(exe.symbols.length).toBe(dump.symbols);
    const ours = new Set(exe.symbols.map((s) => s.name));
    const nm = parseNm(truth(`${name}.gonm.txt`));
    const text = nm.filter((e) => e.type === 'T');
    expect(text.length).toBeGreaterThan(1000);
    expect(text.filter((e) => !ours.has(e.name))).toEqual([]);
    expect(nm.filter((e) => !ours.has(e.name))).toEqual([]);
  });

  it('puts go tool nm text symbols at their addresses as functions, imports as undefined', () => {
    const byName = new Map(exe.symbols.map((s) => [s.name, s]));
    for (const entry of parseNm(truth(`${name}.gonm.txt`))) {
      const symbol = byName.get(entry.name)!;
      if (entry.type === 'U') {
        expect(symbol.kind).toBe('undefined');
        expect(symbol.dynamic).toBe(true);
      } else {
        expect(symbol.address).toBe(entry.address);
      }
      if (entry.type === 'T') expect(symbol.kind).toBe('func');
    }
  });

  it('lists the imported libraries and the dynamic linker', () => {
    expect(exe.linkage.needed).toEqual(dump.importedLibraries);
    const dylinker = commandsNamed(llvm.commands, 'LC_LOAD_DYLINKER')[0]!.fields.get('name')!;
    expect(exe.linkage.interpreter).toBe(dylinker.replace(/ \(offset \d+\)$/, ''));
    expect(exe.linkage.rpath).toEqual([]);
  });

  it('has the entry point llvm-objdump prints', () => {
    const main = commandsNamed(llvm.commands, 'LC_MAIN')[0];
    const thread = commandsNamed(llvm.commands, 'LC_UNIXTHREAD')[0];
    const text = commandsNamed(llvm.commands, 'LC_SEGMENT_64').find((c) => c.fields.get('segname') === '__TEXT')!;
    const expected = main
      ? Number(text.fields.get('vmaddr')) + Number(main.fields.get('entryoff'))
      : Number(/rip\s+(0x[0-9a-f]+)/.exec(thread!.text)![1]);
    expect(exe.entry).toBe(expected);
  });
});

describe.each(THIN)('$name: header and addresses', ({ name, arch }) => {
  const { exe, dump, llvm } = load(name);

  it('has the header facts llvm-objdump prints', () => {
    // LLVM prints the flags by name ("DYLDLINK PIE"), or as hex when none is set.
    const [, , , , filetype, , , ...flags] = llvm.header;
    expect(exe.header.filetype).toBe(filetype);
    expect(exe.header.cputype).toBe(arch);
    expect(exe.header.PIE).toBe(flags.includes('PIE'));
    expect(exe.header.DYLDLINK).toBe(flags.includes('DYLDLINK'));
    expect(exe.header.TWOLEVEL).toBe(flags.includes('TWOLEVEL'));
    expect(exe.header.NO_HEAP_EXECUTION).toBe(false);
    expect(exe.header.ALLOW_STACK_EXECUTION).toBe(false);
    const build = commandsNamed(llvm.commands, 'LC_BUILD_VERSION')[0]!.fields;
    expect([exe.header.platform, exe.header.minos, exe.header.sdk]).toEqual([
      build.get('platform'),
      build.get('minos'),
      build.get('sdk'),
    ]);
    expect(exe.header.codeSignature).toBe(commandsNamed(llvm.commands, 'LC_CODE_SIGNATURE').length > 0);
    expect(exe.header.dyldInfo).toBe(commandsNamed(llvm.commands, 'LC_DYLD_INFO_ONLY').length > 0);
    expect(exe.header.chainedFixups).toBe(false);
    expect(exe.notes).toEqual([]);
  });

  it('maps section addresses to their file offsets and bytes', () => {
    const bytes = fixture(name);
    for (const section of dump.sections.filter((s) => !s.name.startsWith('__DWARF') && s.offset > 0 && s.size > 0)) {
      expect(exe.fileOffsetOf(section.address)).toBe(section.offset);
      expect(exe.readAt(section.address, 16)).toEqual(bytes.subarray(section.offset, section.offset + 16));
    }
    // Go 1.18+ pclntab magic, little-endian (from Go's runtime/symtab.go).
    const pclntab = exe.sections.find((s) => s.name === '__gopclntab')!;
    expect(Array.from(exe.sectionData(pclntab)!.subarray(0, 4))).toEqual([0xf0, 0xff, 0xff, 0xff]);
    const bss = exe.sections.find((s) => s.name === '__bss')!;
    expect(exe.sectionData(bss)).toBeNull();
    expect(exe.fileOffsetOf(0)).toBe(-1);
  });

  it('classifies sections by what they hold', () => {
    const kinds = new Map(exe.sections.map((s) => [`${s.segment},${s.name}`, s.kind]));
    expect(kinds.get('__TEXT,__text')).toBe('code');
    expect(kinds.get('__DATA,__bss')).toBe('bss');
    expect(kinds.get('__DATA,__data')).toBe('data');
    expect(kinds.get('__DWARF,__zdebug_info')).toBe('debug');
    expect(exe.sections.find((s) => s.name === '__gopclntab')!.kind).toBe('rodata');
    expect(exe.sections.find((s) => s.name === '__text')!.flags).toBe('R-X');
  });

  it('is not a fat file', () => {
    expect(parseFat(fixture(name))).toBeNull();
  });
});
