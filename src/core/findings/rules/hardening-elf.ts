import type { Exe } from '../../formats/exe';
import type { Finding, LinkageReport, Verdict } from '../../report/types';
import { buildSettings, evidenceAt, makeFinding, type RuleContext } from '../finding';
import { EXEC_STACK, headerFlag, headerText, NO_PIE, NO_RELRO, RPATH, TEXTREL, verdict } from './hardening-common';

type RelroLevel = 'full' | 'partial' | 'none';

interface Hardening {
  findings: Finding[];
  verdicts: Verdict[];
}

function pie(context: RuleContext, exe: Exe, out: Hardening): void {
  const type = headerText(exe.header, ['type', 'elfType', 'e_type']) ?? '';
  const pieFlag = headerFlag(exe.header, ['pieFlag', 'PIE']);
  if (/^DYN/.test(type)) {
    out.verdicts.push(verdict('pie', 'PIE', 'pass', 'yes', pieFlag ? 'ET_DYN with DF_1_PIE' : 'ET_DYN'));
  } else if (/^EXEC/.test(type)) {
    out.verdicts.push(verdict('pie', 'PIE', 'fail', 'no', 'ET_EXEC: loaded at a fixed address'));
    out.findings.push(makeFinding(NO_PIE, [evidenceAt(context, null, 'ELF type EXEC', 'ELF header')]));
  } else {
    out.verdicts.push(verdict('pie', 'PIE', 'n/a', 'unknown', 'ELF type not read'));
  }
}

function relroLevel(exe: Exe): RelroLevel {
  const stated = headerText(exe.header, ['relro']);
  if (stated && /^(full|partial|none)$/i.test(stated)) return stated.toLowerCase() as RelroLevel;
  const hasRelro = headerFlag(exe.header, ['relro']) ?? exe.segments.some((s) => s.type === 'GNU_RELRO');
  if (!hasRelro) return 'none';
  return headerFlag(exe.header, ['bindNow', 'BIND_NOW', 'NOW']) ? 'full' : 'partial';
}

function relro(context: RuleContext, exe: Exe, dynamic: boolean, out: Hardening): void {
  const level = relroLevel(exe);
  const status = level === 'full' ? 'pass' : level === 'partial' ? 'warn' : 'fail';
  const reason =
    level === 'full'
      ? 'PT_GNU_RELRO and BIND_NOW'
      : level === 'partial'
        ? 'PT_GNU_RELRO without BIND_NOW: the GOT stays writable'
        : dynamic
          ? 'no PT_GNU_RELRO'
          : 'no PT_GNU_RELRO (static executable: little is relocated at run time)';
  out.verdicts.push(verdict('relro', 'RELRO', status, level, reason));
  if (level === 'none') {
    const severity = dynamic ? 'medium' : 'low';
    out.findings.push(
      makeFinding({ ...NO_RELRO, severity }, [evidenceAt(context, null, 'no PT_GNU_RELRO', 'program headers')]),
    );
  }
}

/** True, false, or null when the file has no PT_GNU_STACK (the loader's default then depends on the arch). */
function executableStack(exe: Exe): boolean | null {
  const segment = exe.segments.find((s) => s.type === 'GNU_STACK');
  if (segment) return segment.executable;
  const stated = headerText(exe.header, ['gnuStack']);
  if (stated !== null && stated !== 'absent') return /E|X/.test(stated);
  return headerFlag(exe.header, ['execStack', 'executableStack']);
}

function nx(context: RuleContext, exe: Exe, out: Hardening): void {
  const exec = executableStack(exe);
  if (exec === true) {
    out.verdicts.push(verdict('nx', 'NX stack', 'fail', 'no', 'PT_GNU_STACK is RWE'));
    out.findings.push(makeFinding(EXEC_STACK, [evidenceAt(context, null, 'PT_GNU_STACK RWE', 'program headers')]));
  } else if (exec === false) {
    out.verdicts.push(verdict('nx', 'NX stack', 'pass', 'yes', 'PT_GNU_STACK is not executable'));
  } else {
    out.verdicts.push(verdict('nx', 'NX stack', 'warn', 'unknown', 'no PT_GNU_STACK: the loader default applies'));
  }
}

// Symbols only C code linked through cgo defines (runtime declares _cgo_init in every binary, so it is no sign).
const C_MARKERS = new Set(['x_cgo_init', '_cgo_thread_start', 'crosscall2', '__libc_start_main', '__libc_csu_init']);

/** Whether C code is linked in: the recorded CGO_ENABLED decides; without it, C-only symbols or libc. */
function hasCCode(context: RuleContext, exe: Exe, linkage: LinkageReport): boolean {
  const setting = buildSettings(context).find((s) => s.key === 'CGO_ENABLED');
  if (setting) return setting.value === '1';
  return exe.symbols.some((s) => C_MARKERS.has(s.name)) || linkage.needed.some((n) => /^libc\.so/.test(n));
}

function canary(exe: Exe, cgo: boolean, out: Hardening): void {
  if (!cgo) {
    out.verdicts.push(
      verdict(
        'canary',
        'Stack canary',
        'n/a',
        'not applicable',
        'pure Go: the compiler checks stack bounds in every function prologue, so there are no C frames to guard',
      ),
    );
    return;
  }
  const guarded = exe.symbols.some((s) => s.name === '__stack_chk_fail' || s.name.startsWith('__stack_chk_fail@'));
  out.verdicts.push(
    guarded
      ? verdict('canary', 'Stack canary', 'pass', 'yes', 'cgo code calls __stack_chk_fail')
      : verdict(
          'canary',
          'Stack canary',
          'warn',
          'no',
          'cgo code without __stack_chk_fail (no -fstack-protector, or nothing to protect)',
        ),
  );
}

function rpath(context: RuleContext, linkage: { rpath: string[]; runpath: string[] }, out: Hardening): void {
  const paths = [...linkage.rpath.map((p) => ['RPATH', p]), ...linkage.runpath.map((p) => ['RUNPATH', p])];
  if (paths.length === 0) {
    out.verdicts.push(verdict('rpath', 'RPATH/RUNPATH', 'pass', 'none', 'no library search path set'));
    return;
  }
  out.verdicts.push(verdict('rpath', 'RPATH/RUNPATH', 'fail', paths.map(([, p]) => p).join(':'), 'search path set'));
  out.findings.push(
    makeFinding(
      RPATH,
      paths.map(([tag, p]) => evidenceAt(context, null, p!, `DT_${tag}`)),
    ),
  );
}

function textrel(context: RuleContext, exe: Exe, out: Hardening): void {
  if (headerFlag(exe.header, ['textrel', 'TEXTREL']) !== true) return;
  out.verdicts.push(verdict('textrel', 'Text relocations', 'fail', 'yes', 'DT_TEXTREL'));
  out.findings.push(makeFinding(TEXTREL, [evidenceAt(context, null, 'DT_TEXTREL', 'dynamic section')]));
}

export function elfHardening(context: RuleContext, exe: Exe, linkage: LinkageReport): Hardening {
  const out: Hardening = { findings: [], verdicts: [] };
  const dynamic = !linkage.static;
  pie(context, exe, out);
  relro(context, exe, dynamic, out);
  nx(context, exe, out);
  canary(exe, hasCCode(context, exe, linkage), out);
  rpath(context, linkage, out);
  textrel(context, exe, out);
  return out;
}
