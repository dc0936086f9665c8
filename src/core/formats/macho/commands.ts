import { diagnosticFrom, FormatError, guarded } from '../../io/errors';
import type { ByteReader } from '../../io/reader';
import { hex } from '../../io/reader';
import { LC, PLATFORMS, THREAD_PC, VERSION_MIN_PLATFORMS } from './constants';
import { readSegment } from './segments';
import type { LoadCommand, MachOState } from './types';
import { requireSize } from './types';

type Handler = (state: MachOState, command: LoadCommand) => void;

/**
 * Walks the load command table. A command whose size cannot be right ends the walk (what follows cannot be
 * found), with a diagnostic; a command that fails to read is a diagnostic and the walk goes on.
 */
export function walkLoadCommands(state: MachOState): void {
  const { reader, header } = state;
  const end = header.size + header.sizeofcmds;
  let at = header.size;
  for (let index = 0; index < header.ncmds; index++) {
    let command: LoadCommand;
    try {
      command = frameCommand(reader, at, end, index);
    } catch (error) {
      state.diagnostics.push(diagnosticFrom('macho', error));
      return;
    }
    const handler = HANDLERS.get(command.cmd);
    if (handler) guarded('macho', state.diagnostics, () => handler(state, command), undefined);
    at += command.size;
  }
}

function frameCommand(reader: ByteReader, at: number, end: number, index: number): LoadCommand {
  if (at + 8 > end) throw new FormatError(at, `load command ${index} at ${hex(at)} starts past sizeofcmds`);
  const size = reader.u32(at + 4);
  // cmdsize below 8 would never advance the walk; past sizeofcmds it would read into section data.
  if (size < 8 || at + size > end) {
    throw new FormatError(at + 4, `load command ${index} at ${hex(at)} has impossible cmdsize ${size}`);
  }
  return { cmd: reader.u32(at), at, size };
}

/** An lc_str: an offset from the command's start to a NUL-terminated string inside the command. */
function commandString(state: MachOState, command: LoadCommand, field: number, fixedSize: number): string {
  requireSize(command, fixedSize, 'load command');
  const offset = state.reader.u32(command.at + field);
  if (offset < fixedSize || offset >= command.size) {
    throw new FormatError(command.at + field, `string offset ${offset} lies outside its ${command.size}-byte command`);
  }
  return state.reader.cstring(command.at + offset, command.size - offset);
}

function readSymtab(state: MachOState, command: LoadCommand): void {
  requireSize(command, 24, 'LC_SYMTAB');
  const reader = state.reader;
  state.symtab = {
    at: command.at,
    symoff: reader.u32(command.at + 8),
    nsyms: reader.u32(command.at + 12),
    stroff: reader.u32(command.at + 16),
    strsize: reader.u32(command.at + 20),
  };
}

function readNeededDylib(state: MachOState, command: LoadCommand): void {
  // dylib_command: the name's lc_str comes first in the embedded dylib struct, which is 16 bytes long.
  state.linkage.needed.push(commandString(state, command, 8, 24));
}

function readDylibId(state: MachOState, command: LoadCommand): void {
  state.facts.installName = commandString(state, command, 8, 24);
}

function readDylinker(state: MachOState, command: LoadCommand): void {
  state.linkage.interpreter = commandString(state, command, 8, 12);
}

function readRpath(state: MachOState, command: LoadCommand): void {
  state.linkage.rpath.push(commandString(state, command, 8, 12));
}

function readUuid(state: MachOState, command: LoadCommand): void {
  requireSize(command, 24, 'LC_UUID');
  const digits = Array.from(state.reader.slice(command.at + 8, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  const value = [digits.slice(0, 8), digits.slice(8, 12), digits.slice(12, 16), digits.slice(16, 20), digits.slice(20)]
    .join('-')
    .toUpperCase();
  state.notes.push({ owner: 'Mach-O', type: LC.UUID, typeName: 'LC_UUID', value });
}

function readMain(state: MachOState, command: LoadCommand): void {
  requireSize(command, 24, 'LC_MAIN');
  state.mainOffset = state.reader.u64(command.at + 8);
}

/** LC_UNIXTHREAD: the entry is the program counter of the first thread state, where the table says it sits. */
function readUnixThread(state: MachOState, command: LoadCommand): void {
  requireSize(command, 16, 'LC_UNIXTHREAD');
  const reader = state.reader;
  const flavor = reader.u32(command.at + 8);
  const stateBytes = reader.u32(command.at + 12) * 4;
  if (16 + stateBytes > command.size) {
    throw new FormatError(command.at + 12, `thread state of ${stateBytes} bytes does not fit in LC_UNIXTHREAD`);
  }
  const pc = THREAD_PC.get(`${state.header.cputype}:${flavor}`);
  if (!pc || pc.at + pc.size > stateBytes) {
    state.diagnostics.push({
      level: 'info',
      source: 'macho',
      offset: command.at + 8,
      message: `entry point not read: thread state flavor ${flavor} is not known for this CPU`,
    });
    return;
  }
  state.threadEntry = reader.word(command.at + 16 + pc.at, pc.size);
}

function readBuildVersion(state: MachOState, command: LoadCommand): void {
  requireSize(command, 24, 'LC_BUILD_VERSION');
  const platform = state.reader.u32(command.at + 8);
  state.facts.platform = PLATFORMS.get(platform) ?? `platform-${platform}`;
  state.facts.minos = packedVersion(state.reader.u32(command.at + 12));
  state.facts.sdk = packedVersion(state.reader.u32(command.at + 16));
}

function readVersionMin(state: MachOState, command: LoadCommand): void {
  requireSize(command, 16, 'LC_VERSION_MIN');
  state.facts.platform = VERSION_MIN_PLATFORMS.get(command.cmd) ?? 'unknown';
  state.facts.minos = packedVersion(state.reader.u32(command.at + 8));
  state.facts.sdk = packedVersion(state.reader.u32(command.at + 12));
}

/** Versions are packed xxxx.yy.zz in nibbles; a zero patch is left out, as Apple's tools print them. */
function packedVersion(value: number): string {
  const patch = value & 0xff;
  return `${value >>> 16}.${(value >>> 8) & 0xff}${patch ? `.${patch}` : ''}`;
}

function readEncryption(state: MachOState, command: LoadCommand): void {
  requireSize(command, 20, 'LC_ENCRYPTION_INFO');
  // cryptid 0 means the range is described but not encrypted (the usual case outside the App Store).
  state.facts.encrypted = state.reader.u32(command.at + 16) !== 0;
}

/** dyld_info_command: rebase_off and rebase_size come first; binds and exports are not pointers into the image. */
function readDyldInfo(state: MachOState, command: LoadCommand): void {
  state.facts.dyldInfo = true;
  requireSize(command, 48, 'LC_DYLD_INFO');
  const size = state.reader.u32(command.at + 12);
  if (size > 0) state.fixupData.rebase = { at: command.at + 8, offset: state.reader.u32(command.at + 8), size };
}

/** linkedit_data_command: dataoff, datasize. */
function readChainedFixups(state: MachOState, command: LoadCommand): void {
  state.facts.chainedFixups = true;
  requireSize(command, 16, 'LC_DYLD_CHAINED_FIXUPS');
  const size = state.reader.u32(command.at + 12);
  if (size > 0) state.fixupData.chained = { at: command.at + 8, offset: state.reader.u32(command.at + 8), size };
}

function present(fact: string): Handler {
  return (state) => {
    state.facts[fact] = true;
  };
}

const HANDLERS: ReadonlyMap<number, Handler> = new Map<number, Handler>([
  [LC.SEGMENT, readSegment],
  [LC.SEGMENT_64, readSegment],
  [LC.SYMTAB, readSymtab],
  [LC.UNIXTHREAD, readUnixThread],
  [LC.LOAD_DYLIB, readNeededDylib],
  [LC.LOAD_WEAK_DYLIB, readNeededDylib],
  [LC.REEXPORT_DYLIB, readNeededDylib],
  [LC.LAZY_LOAD_DYLIB, readNeededDylib],
  [LC.LOAD_UPWARD_DYLIB, readNeededDylib],
  [LC.ID_DYLIB, readDylibId],
  [LC.LOAD_DYLINKER, readDylinker],
  [LC.RPATH, readRpath],
  [LC.UUID, readUuid],
  [LC.MAIN, readMain],
  [LC.BUILD_VERSION, readBuildVersion],
  [LC.VERSION_MIN_MACOSX, readVersionMin],
  [LC.VERSION_MIN_IPHONEOS, readVersionMin],
  [LC.VERSION_MIN_TVOS, readVersionMin],
  [LC.VERSION_MIN_WATCHOS, readVersionMin],
  [LC.CODE_SIGNATURE, present('codeSignature')],
  [LC.DYLD_INFO, readDyldInfo],
  [LC.DYLD_INFO_ONLY, readDyldInfo],
  [LC.DYLD_CHAINED_FIXUPS, readChainedFixups],
  [LC.ENCRYPTION_INFO, readEncryption],
  [LC.ENCRYPTION_INFO_64, readEncryption],
]);
