import type { Exe } from '../formats/exe';
import type { GoReport, LinkageReport } from '../report/types';

/**
 * Functions only cgo's runtime glue defines: C code from runtime/cgo (`x_cgo_init`, `_cgo_sys_thread_start`) and its
 * assembly entry points (`crosscall2`, `_cgo_topofstack`), which the pclntab lists too, so stripped binaries still
 * show them. Pure Go binaries also carry `_cgo_init` and `_cgo_thread_start` (as empty runtime variables) and
 * `runtime.iscgo`, so those are no evidence.
 */
const CGO_FUNCTIONS = ['x_cgo_init', 'crosscall2', '_cgo_topofstack', '_cgo_sys_thread_start'];

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function highestGlibc(exe: Exe): string | null {
  let best: string | null = null;
  for (const { version } of exe.linkage.versionsNeeded) {
    const m = /^GLIBC_(\d+(?:\.\d+)+)$/.exec(version);
    if (m && (best === null || compareVersions(m[1]!, best) > 0)) best = m[1]!;
  }
  return best;
}

function libcFlavour(exe: Exe, isStatic: boolean): LinkageReport['libc'] {
  const interp = exe.linkage.interpreter ?? '';
  const needed = exe.linkage.needed.map((n) => n.toLowerCase());
  if (/ld-musl/.test(interp) || needed.some((n) => n.includes('musl'))) return 'musl';
  if (/ld-linux|ld\.so/.test(interp) || needed.includes('libc.so.6')) return 'glibc';
  if (exe.format === 'macho' && needed.some((n) => n.includes('libsystem'))) return 'other';
  if (exe.format === 'pe') return needed.some((n) => /^(msvcrt|ucrtbase|vcruntime)/.test(n)) ? 'other' : 'none';
  return isStatic ? 'none' : 'other';
}

/** Mach-O's C names carry one leading underscore (`_x_cgo_init`, `__cgo_topofstack`); compare without it. */
function symbolNames(exe: Exe): Set<string> {
  const names = new Set<string>();
  for (const symbol of exe.symbols) {
    if (symbol.kind !== 'func') continue;
    const name = exe.format === 'macho' && symbol.name.startsWith('_') ? symbol.name.slice(1) : symbol.name;
    names.add(name);
  }
  return names;
}

/** What shows that cgo code is linked in; the CGO_ENABLED setting alone only says cgo was allowed. */
function cgoEvidence(exe: Exe, go: GoReport | null): string[] {
  const evidence: string[] = [];
  const symbols = symbolNames(exe);
  const pclntab = new Set(go?.functions.map((fn) => fn.name) ?? []);
  for (const name of CGO_FUNCTIONS) {
    if (symbols.has(name)) evidence.push(`C function ${name} in the symbol table`);
    else if (pclntab.has(name)) evidence.push(`function ${name} in the pclntab`);
  }
  if (go?.packages.some((p) => p.path === 'runtime/cgo')) evidence.push('package runtime/cgo linked in');
  return evidence;
}

/** The build setting CGO_ENABLED as recorded: true for "1", false for "0", null when the binary does not say. */
function cgoAllowed(go: GoReport | null): boolean | null {
  const setting = go?.buildInfo?.settings.find((s) => s.key === 'CGO_ENABLED');
  if (setting === undefined) return null;
  return setting.value === '1';
}

/** Static or dynamic, which libc, which GLIBC at least, and whether C code is linked in. */
export function linkageReport(exe: Exe, go: GoReport | null): LinkageReport {
  const isStatic = exe.linkage.interpreter === null && exe.linkage.needed.length === 0;
  const evidence = cgoEvidence(exe, go);
  return {
    static: isStatic,
    interpreter: exe.linkage.interpreter,
    needed: exe.linkage.needed,
    rpath: exe.linkage.rpath,
    runpath: exe.linkage.runpath,
    glibcMax: highestGlibc(exe),
    cgo: evidence.length > 0,
    cgoEvidence: evidence,
    libc: libcFlavour(exe, isStatic),
    cgoAllowed: cgoAllowed(go),
  };
}
