import type { Exe } from '../formats/exe';
import type { GoBuildFacts, GoBuildInfo, GoFunction } from '../report/types';

/**
 * What a Go binary says about how it was built, beyond its module list:
 *  - the build mode (exe, pie, c-shared, plugin, ...): Go 1.20+ records -buildmode; older builds are told by the
 *    container (ELF type EXEC or DYN, DT_FLAGS_1's PIE bit, Mach-O file type, PE's DLL bit) and by cgo's export
 *    wrappers (`_cgoexp_<hash>_<Name>`), which only -buildmode=c-shared/c-archive leave in the dynamic symbols, and
 *    by the package hash a plugin exports for plugin.Open (`go.link.pkghashbytes.<path>`);
 *  - GOEXPERIMENTs: the build setting and the " X:a,b" suffix cmd/go puts after the Go version;
 *  - Go FIPS 140 mode: the GOFIPS140 setting, the frozen module's version in its package paths
 *    (crypto/internal/fips140/v1.0.0/...), and the .go.fipsinfo section Go 1.24+ adds when the module is linked in.
 */

const CGO_EXPORT = /^_?_cgoexp_[0-9a-f]+_(.+)$/;
/** The package hash plugin.Open compares against the host's; only a -buildmode=plugin library exports it. */
const PLUGIN_HASH = /^go[.:]link\.pkghashbytes\.(.+)$/;
const FIPS_MODULE = /^crypto\/internal\/fips140\/(v\d+\.\d+\.\d+)(?:\/|$)/;
const FIPS_INFO_SECTIONS = ['.go.fipsinfo', '__go_fipsinfo'];
/** Exported names listed as evidence; a library with thousands says "and N more" instead. */
const MAX_EXPORTS_SHOWN = 10;

function setting(buildInfo: GoBuildInfo | null, key: string): string | null {
  return buildInfo?.settings.find((s) => s.key === key)?.value ?? null;
}

function cgoExports(exe: Exe): string[] {
  const names = new Set<string>();
  for (const symbol of exe.symbols) {
    const match = CGO_EXPORT.exec(symbol.name);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

/** The mode the container shows, with why; null when it does not tell (a DYN without PIE flag nor exports). */
function containerMode(exe: Exe, exports: string[]): { mode: string | null; evidence: string } {
  const header = exe.header;
  if (exe.format === 'elf') {
    if (header['type'] === 'EXEC') return { mode: 'exe', evidence: 'ELF type EXEC' };
    if (header['type'] !== 'DYN') return { mode: null, evidence: `ELF type ${String(header['type'])}` };
    if (header['pieFlag'] === true) return { mode: 'pie', evidence: 'ELF type DYN with DT_FLAGS_1 PIE' };
    if (exe.linkage.interpreter) return { mode: 'pie', evidence: 'ELF type DYN with a program interpreter' };
    const plugin = exe.symbols.find((s) => s.dynamic && PLUGIN_HASH.test(s.name));
    if (plugin) return { mode: 'plugin', evidence: `ELF shared object exporting ${plugin.name} (a plugin's hash)` };
    if (exports.length > 0) return { mode: 'c-shared', evidence: 'ELF shared object exporting cgo functions' };
    return { mode: null, evidence: 'ELF shared object without PIE flag or cgo exports' };
  }
  if (exe.format === 'macho') {
    const type = String(header['filetype']);
    if (type === 'EXECUTE') return { mode: 'exe', evidence: 'Mach-O file type EXECUTE' };
    if (type === 'DYLIB') return { mode: 'c-shared', evidence: 'Mach-O file type DYLIB' };
    if (type === 'BUNDLE') return { mode: 'plugin', evidence: 'Mach-O file type BUNDLE' };
    return { mode: null, evidence: `Mach-O file type ${type}` };
  }
  if (header['dll'] === true) return { mode: 'c-shared', evidence: 'PE with the DLL characteristic' };
  return { mode: 'exe', evidence: 'PE image without the DLL characteristic' };
}

function buildMode(exe: Exe, buildInfo: GoBuildInfo | null, exports: string[]): GoBuildFacts['buildMode'] {
  const recorded = setting(buildInfo, '-buildmode');
  const container = containerMode(exe, exports);
  const evidence = recorded ? [`build setting -buildmode=${recorded}`, container.evidence] : [container.evidence];
  if (exports.length > 0) {
    const shown = exports.slice(0, MAX_EXPORTS_SHOWN).join(', ');
    const more = exports.length > MAX_EXPORTS_SHOWN ? ` and ${exports.length - MAX_EXPORTS_SHOWN} more` : '';
    evidence.push(`exports ${shown}${more}`);
  }
  return { mode: recorded ?? container.mode, evidence, exports };
}

/** GOEXPERIMENT names, from the setting or else from the " X:..." suffix of the Go version. */
function experiments(buildInfo: GoBuildInfo | null, goVersion: string | null): string[] {
  const recorded = setting(buildInfo, 'GOEXPERIMENT');
  const fromVersion = / X:([\w,-]+)$/.exec(goVersion ?? '')?.[1] ?? null;
  const list = recorded ?? fromVersion;
  return list ? list.split(',').filter((name) => name.length > 0) : [];
}

function fips140(exe: Exe, buildInfo: GoBuildInfo | null, functions: GoFunction[]): GoBuildFacts['fips140'] {
  let moduleVersion: string | null = null;
  for (const fn of functions) {
    const match = FIPS_MODULE.exec(fn.package);
    if (match) {
      moduleVersion = match[1]!;
      break;
    }
  }
  return {
    setting: setting(buildInfo, 'GOFIPS140'),
    moduleVersion,
    fipsInfoSection: exe.sections.some((s) => FIPS_INFO_SECTIONS.includes(s.name)),
  };
}

export function buildFacts(
  exe: Exe,
  buildInfo: GoBuildInfo | null,
  goVersion: string | null,
  functions: GoFunction[],
): GoBuildFacts {
  return {
    buildMode: buildMode(exe, buildInfo, cgoExports(exe)),
    experiments: experiments(buildInfo, goVersion),
    fips140: fips140(exe, buildInfo, functions),
  };
}
