import type { Verdict } from '../../report/types';
import type { FindingSpec } from '../finding';

type HeaderValue = string | number | boolean | undefined;
export type Header = Record<string, string | number | boolean>;

/**
 * A yes/no fact from a reader's header, tolerating how a reader may spell it: a boolean, a number, "yes"/"no",
 * "true"/"false", or a flag name inside a "FLAG|FLAG" string under another key. Null when nothing says.
 */
export function headerFlag(header: Header, names: string[]): boolean | null {
  for (const name of names) {
    const value: HeaderValue = header[name] ?? header[name.toLowerCase()];
    if (value === undefined) continue;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (/^(?:yes|true|on|enabled?|1)$/i.test(value)) return true;
    if (/^(?:no|false|off|disabled?|0|none)$/i.test(value)) return false;
  }
  for (const value of Object.values(header)) {
    if (typeof value !== 'string') continue;
    const tokens = value.split(/[\s|,]+/);
    if (names.some((name) => tokens.includes(name))) return true;
  }
  return null;
}

export function headerText(header: Header, names: string[]): string | null {
  for (const name of names) {
    const value = header[name];
    if (typeof value === 'string') return value;
  }
  return null;
}

export function verdict(id: string, label: string, status: Verdict['status'], value: string, reason: string): Verdict {
  return { id, group: 'hardening', label, status, value, reason };
}

function spec(
  id: string,
  severity: FindingSpec['severity'],
  title: string,
  description: string,
  remediation: string,
): FindingSpec {
  return { id, kind: 'hardening', severity, title, description, remediation };
}

export const NO_PIE = spec(
  'hardening.no-pie',
  'low',
  'Not position-independent',
  'The executable loads at a fixed address, so ASLR cannot move its code and data.',
  'Build with -buildmode=pie (the default on Windows, macOS and Android; opt-in on Linux).',
);
export const NO_RELRO = spec(
  'hardening.no-relro',
  'low',
  'No RELRO',
  'Relocated data (GOT, init arrays) stays writable after start-up.',
  'Build with -buildmode=pie, or link externally with -ldflags="-linkmode=external -extldflags=-Wl,-z,relro,-z,now".',
);
export const EXEC_STACK = spec(
  'hardening.execstack',
  'high',
  'Executable stack',
  'The stack is mapped executable, so a memory-corruption bug can run injected code.',
  'Find the object that asks for an executable stack (often hand-written assembly in cgo code) and fix its ' +
    '.note.GNU-stack, or link with -extldflags=-Wl,-z,noexecstack.',
);
export const NO_NX = spec(
  'hardening.no-nx',
  'medium',
  'Data execution prevention off',
  'The image does not opt into non-executable data pages.',
  'Link with the NX-compatible flag (Go sets it by default; check the linker flags and any post-processing).',
);
export const RPATH = spec(
  'hardening.rpath',
  'medium',
  'RPATH/RUNPATH set',
  'The loader searches these directories for shared libraries first; a writable or relative one lets another ' +
    'library be loaded in place of the real one.',
  'Drop -rpath from the external linker flags (CGO_LDFLAGS, -extldflags) or use only root-owned absolute paths.',
);
export const TEXTREL = spec(
  'hardening.textrel',
  'medium',
  'Text relocations',
  'The loader must make code pages writable to relocate them, which defeats W^X.',
  'Rebuild the C parts with -fPIC.',
);
