// Reads the text that `llvm-objdump --macho --private-headers` and `--universal-headers` print (truth/*.txt),
// so tests compare the reader against LLVM's view of the fixtures. Test support only.

/** One load command as LLVM prints it: its fields, and for segments the fields of each section. */
export interface LlvmCommand {
  cmd: string;
  fields: Map<string, string>;
  sections: Map<string, string>[];
  /** The raw lines, for register dumps that hold several fields a line. */
  text: string;
}

export interface LlvmHeaders {
  /** The mach header line: magic, cputype, cpusubtype, caps, filetype, ncmds, sizeofcmds, flags. */
  header: string[];
  commands: LlvmCommand[];
}

export function parsePrivateHeaders(text: string): LlvmHeaders {
  const lines = text.split('\n');
  const headerAt = lines.findIndex((line) => line.trim().startsWith('magic cputype'));
  const header = (lines[headerAt + 1] ?? '').trim().split(/\s+/);
  const commands: LlvmCommand[] = [];
  let current: LlvmCommand | null = null;
  for (const line of lines.slice(headerAt + 2)) {
    if (line.startsWith('Load command')) {
      current = { cmd: '', fields: new Map(), sections: [], text: '' };
      commands.push(current);
      continue;
    }
    if (!current) continue;
    current.text += `${line}\n`;
    if (line === 'Section') {
      current.sections.push(new Map());
      continue;
    }
    const match = /^\s*(\S+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const target = current.sections.at(-1) ?? current.fields;
    target.set(match[1]!, match[2]!.trim());
    if (match[1] === 'cmd') current.cmd = match[2]!.trim();
  }
  return { header, commands };
}

/** The slices listed by `--universal-headers`: cputype name, offset and size. */
export function parseUniversalHeaders(text: string): { cputype: string; offset: number; size: number }[] {
  const slices: { cputype: string; offset: number; size: number }[] = [];
  for (const block of text.split('architecture ').slice(1)) {
    const field = (name: string): string => new RegExp(`^\\s*${name} (\\S+)`, 'm').exec(block)?.[1] ?? '';
    slices.push({ cputype: field('cputype'), offset: Number(field('offset')), size: Number(field('size')) });
  }
  return slices;
}

/** "r-x" as LLVM prints protections, in the Exe's "R-X" form. */
export function protection(llvm: string | undefined): string {
  return (llvm ?? '').toUpperCase();
}
