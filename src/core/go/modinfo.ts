import { FormatError } from '../io/errors';
import { MAX_MODULES } from '../io/limits';
import { decodeUtf8 } from '../io/reader';
import type { GoBuildInfo, GoModule } from '../report/types';
import { quotedPrefixLength, unquoteGo } from './quote';

/**
 * The module text the go command embeds (runtime.modinfo without its sentinels), read with the same rules as
 * runtime/debug.ParseBuildInfo: tab-separated "path", "mod", "dep", "=>" and "build" lines; unknown lines are
 * skipped; a final line without its newline is ignored; any malformed line rejects the whole text.
 */
export type Modinfo = Pick<GoBuildInfo, 'path' | 'main' | 'deps' | 'settings'>;

/** Characters that force a build key (plus '=' and emptiness) or value to be written quoted. */
const MUST_QUOTE = /[ \t\r\n"`]/;

export const MAX_MODINFO_SETTINGS = 10_000;

/** A malformed line; parseModinfo turns it into a FormatError with the line's file offset. */
class LineError extends Error {}

interface ParseState {
  info: Modinfo;
  /** The module a following "=>" line replaces: the last mod/dep line, cleared after a replacement. */
  last: { module: GoModule | null } | null;
}

function moduleColumns(columns: string[]): { path: string; version: string; sum: string } {
  if (columns.length !== 2 && columns.length !== 3) {
    throw new LineError(`expected 2 or 3 columns; got ${columns.length}`);
  }
  return { path: columns[0]!, version: columns[1]!, sum: columns[2] ?? '' };
}

function parseKey(text: string): { key: string; rest: string } {
  if (text.length === 0) throw new LineError("build line missing '='");
  if (text[0] === '=') throw new LineError('build line with missing key');
  if (text[0] === '"' || text[0] === '`') {
    const length = quotedPrefixLength(text);
    if (length < 0) throw new LineError('invalid quoted key in build line');
    if (length === text.length) throw new LineError("build line missing '=' after quoted key");
    if (text[length] !== '=')
      throw new LineError(`unexpected character after quoted key: ${JSON.stringify(text[length])}`);
    return { key: unquoteGo(text.slice(0, length))!, rest: text.slice(length + 1) };
  }
  const equals = text.indexOf('=');
  if (equals < 0) throw new LineError("build line missing '=' after key");
  const key = text.slice(0, equals);
  if (MUST_QUOTE.test(key)) throw new LineError(`unquoted key ${JSON.stringify(key)} must be quoted`);
  return { key, rest: text.slice(equals + 1) };
}

function parseValue(raw: string): string {
  if (raw.length === 0) return '';
  if (raw[0] === '"' || raw[0] === '`') {
    const value = unquoteGo(raw);
    if (value === null) throw new LineError('invalid quoted value in build line');
    return value;
  }
  if (MUST_QUOTE.test(raw)) throw new LineError(`unquoted value ${JSON.stringify(raw)} must be quoted`);
  return raw;
}

function addDep(state: ParseState, columns: string[]): void {
  if (state.info.deps.length >= MAX_MODULES) throw new LineError(`more than ${MAX_MODULES} dependencies`);
  const module: GoModule = { ...moduleColumns(columns), replace: null };
  state.info.deps.push(module);
  state.last = { module };
}

function addReplacement(state: ParseState, columns: string[]): void {
  if (columns.length !== 3) throw new LineError(`expected 3 columns for replacement; got ${columns.length}`);
  if (!state.last) throw new LineError('replacement with no module on previous line');
  // The main module's replacement has no place in GoBuildInfo; it is checked, then dropped.
  if (state.last.module) state.last.module.replace = { path: columns[0]!, version: columns[1]!, sum: columns[2]! };
  state.last = null;
}

function parseLine(state: ParseState, line: string): void {
  const tab = line.indexOf('\t');
  if (tab < 0) return;
  const word = line.slice(0, tab);
  const rest = line.slice(tab + 1);
  switch (word) {
    case 'path':
      state.info.path = rest;
      return;
    case 'mod':
      state.info.main = moduleColumns(rest.split('\t'));
      state.last = { module: null };
      return;
    case 'dep':
      return addDep(state, rest.split('\t'));
    case '=>':
      return addReplacement(state, rest.split('\t'));
    case 'build': {
      if (state.info.settings.length >= MAX_MODINFO_SETTINGS) throw new LineError('too many build settings');
      const { key, rest: rawValue } = parseKey(rest);
      state.info.settings.push({ key, value: parseValue(rawValue) });
      return;
    }
  }
}

/** Parses modinfo text; `fileOffset` is where `bytes` starts in the file, for error offsets. */
export function parseModinfo(bytes: Uint8Array, fileOffset: number): Modinfo {
  const state: ParseState = { info: { path: '', main: null, deps: [], settings: [] }, last: null };
  let lineStart = 0;
  for (let lineNumber = 1; ; lineNumber++) {
    const newline = bytes.indexOf(0x0a, lineStart);
    if (newline < 0) break;
    try {
      parseLine(state, decodeUtf8(bytes.subarray(lineStart, newline)));
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      throw new FormatError(
        fileOffset + lineStart,
        `could not parse Go build info: line ${lineNumber}: ${error.message}`,
      );
    }
    lineStart = newline + 1;
  }
  return state.info;
}
