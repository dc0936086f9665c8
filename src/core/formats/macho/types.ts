import type { Diagnostic } from '../../io/errors';
import { FormatError } from '../../io/errors';
import type { ByteReader } from '../../io/reader';
import { hex } from '../../io/reader';
import type { ExeLinkage, ExeNote, ExeSection, ExeSegment } from '../exe';
import type { MachHeader } from './header';

/** One load command: its number, where it starts in the file, and its declared size. */
export interface LoadCommand {
  cmd: number;
  at: number;
  size: number;
}

export interface SymtabCommand {
  /** File offset of the LC_SYMTAB command, for diagnostics. */
  at: number;
  symoff: number;
  nsyms: number;
  stroff: number;
  strsize: number;
}

/** What the load commands said, gathered while walking them. */
export interface MachOState {
  reader: ByteReader;
  header: MachHeader;
  segments: ExeSegment[];
  sections: ExeSection[];
  symtab: SymtabCommand | null;
  linkage: ExeLinkage;
  notes: ExeNote[];
  /** Header facts added by load commands (platform, codeSignature, ...). */
  facts: Record<string, string | number | boolean>;
  /** LC_MAIN's entryoff: a file offset, turned into an address once __TEXT is known. */
  mainOffset: number | null;
  /** LC_UNIXTHREAD's initial program counter. */
  threadEntry: number | null;
  diagnostics: Diagnostic[];
  /** Where dyld's rebase opcodes (LC_DYLD_INFO) and chained fixups (LC_DYLD_CHAINED_FIXUPS) sit in the file. */
  fixupData: { rebase?: LinkeditData; chained?: LinkeditData };
}

/** A blob in __LINKEDIT named by a load command; `at` is the command's field, for error offsets. */
export interface LinkeditData {
  at: number;
  offset: number;
  size: number;
}

/** A command shorter than its fixed fields cannot be read at all. */
export function requireSize(command: LoadCommand, minimum: number, what: string): void {
  if (command.size < minimum) {
    throw new FormatError(command.at + 4, `${what} at ${hex(command.at)} is ${command.size} bytes, needs ${minimum}`);
  }
}
