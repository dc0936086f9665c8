import type { Exe } from '../formats/exe';
import type { GoReport, LinkageReport } from '../report/types';

/**
 * C functions only cgo's runtime glue defines. Pure Go binaries also carry `_cgo_init` and `_cgo_thread_start` (as
 * empty runtime variables) and `runtime.iscgo`, so those are no evidence.
 */
const CGO_SYMBOLS = ['x_cgo_init', 'crosscall2', '_cgo_topofstack', '_cgo_sys_thread_start'];

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

function cgoEvidence(exe: Exe, go: GoReport | null): string[] {
  const evidence: string[] = [];
  const setting = go?.buildInfo?.settings.find((s) => s.key === 'CGO_ENABLED');
  if (setting?.value === '1') evidence.push('build setting CGO_ENABLED=1');
  const names = new Set(exe.symbols.filter((s) => s.kind === 'func').map((s) => s.name));
  for (const name of CGO_SYMBOLS) if (names.has(name)) evidence.push(`C function ${name}`);
  if (go?.packages.some((p) => p.path === 'runtime/cgo')) evidence.push('package runtime/cgo linked in');
  return evidence;
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
  };
}
