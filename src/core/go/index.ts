import type { Exe } from '../formats/exe';
import { guarded, type Diagnostic } from '../io/errors';
import type { GoFunction, GoReport } from '../report/types';
import { readBuildInfo, type BuildInfoResult } from './buildinfo';
import { readFunctions, type TableFunction } from './functions';
import { summarizeModules } from './modules';
import { packagesOf, summarizePackages } from './packages';
import { findPclntab, type Pclntab } from './pclntab';
import { hexAddress } from './regions';
import { resolveTextStart } from './textstart';
import { buildFacts } from './build-facts';
import { withMainVersion } from './main-version';
import { narrowBand, resolveGoVersion } from './version';

export { readBuildInfo, carveModinfo } from './buildinfo';
export { parseModinfo } from './modinfo';
export { findPclntab, parsePclntab, PCLNTAB_LAYOUTS } from './pclntab';
export { readFunctions } from './functions';
export { resolveTextStart } from './textstart';
export { resolveGoVersion, versionFromStrings } from './version';
export { packageOf, packagesOf, classifyPackage, summarizePackages } from './packages';
export { summarizeModules, inferModulePath } from './modules';

function tableFunctions(table: Pclntab | null, exe: Exe, file: Uint8Array, diagnostics: Diagnostic[]): TableFunction[] {
  if (!table) return [];
  const textStart = resolveTextStart(table, exe, file);
  if (textStart.source === 'unknown') {
    diagnostics.push({
      level: 'warning',
      source: 'pclntab',
      offset: table.fileOffset,
      message:
        'text start unknown (no header value, runtime.text symbol, moduledata or text section): entries are offsets',
    });
  }
  return readFunctions(table, textStart.address, diagnostics);
}

function pclntabSummary(table: Pclntab | null): GoReport['pclntab'] {
  if (!table) return null;
  return {
    magic: hexAddress(table.layout.magic),
    offset: table.fileOffset,
    functionCount: table.nfunc,
    fileCount: table.nfiles,
    goVersionRange: table.layout.goVersions,
  };
}

/**
 * Everything Go-specific about one executable: build info, Go version, functions, packages and modules. Malformed
 * parts become diagnostics and the rest is still returned; `go` is null when neither build info nor a pclntab
 * is found. `file` holds the bytes `exe` was read from (for a fat Mach-O slice, the fat file or the slice); the
 * offsets in the report are offsets in `file` when the Exe's section views share its memory.
 */
export interface GoAnalysis {
  go: GoReport | null;
  diagnostics: Diagnostic[];
  /** The located pclntab and its functions in report order, for the pass over the code (src/core/code). */
  pclntab?: Pclntab | null;
  tableFunctions?: TableFunction[];
}

export function analyzeGo(exe: Exe, file: Uint8Array): GoAnalysis {
  const diagnostics: Diagnostic[] = [];
  const build = guarded<BuildInfoResult | null>(
    'buildinfo',
    diagnostics,
    () => readBuildInfo(exe, file, diagnostics),
    null,
  );
  const table = guarded<Pclntab | null>('pclntab', diagnostics, () => findPclntab(exe, file, diagnostics), null);
  if (!build && !table) return { go: null, diagnostics };

  const found = guarded('pclntab', diagnostics, () => tableFunctions(table, exe, file, diagnostics), []);
  const band = narrowBand(table?.layout.goVersions ?? null, exe);
  const { version, source, range } = guarded(
    'version',
    diagnostics,
    () => resolveGoVersion(build?.version ?? null, band, exe, file),
    { version: null, source: null, range: null },
  );
  const buildInfo = withMainVersion(build?.info ?? null);
  const mainModule = buildInfo?.main?.path ?? null;
  const packagePaths = packagesOf(found.map((fn) => fn.name));
  const functions: GoFunction[] = found.map((fn, i) => ({
    name: fn.name,
    entry: hexAddress(fn.entry),
    size: fn.size,
    file: fn.file,
    package: packagePaths[i]!,
  }));
  const { modules, packages } = summarizeModules(summarizePackages(functions, mainModule), buildInfo, version);
  return {
    go: {
      version,
      versionSource: source,
      buildInfo,
      pclntab: pclntabSummary(table),
      functions,
      packages,
      modules,
      versionRange: range,
      buildFacts: guarded('buildinfo', diagnostics, () => buildFacts(exe, buildInfo, version, functions), null),
    },
    diagnostics,
    pclntab: table,
    tableFunctions: found,
  };
}
