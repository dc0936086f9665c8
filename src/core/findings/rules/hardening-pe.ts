import type { Exe } from '../../formats/exe';
import type { Finding, Verdict } from '../../report/types';
import { evidenceAt, makeFinding, type RuleContext } from '../finding';
import { headerFlag, NO_NX, NO_PIE, verdict } from './hardening-common';

// IMAGE_DLLCHARACTERISTICS_* bits, for readers that only give the raw field.
const DLL_BITS: Record<string, number> = { dynamicBase: 0x40, highEntropyVA: 0x20, nxCompat: 0x100, guardCF: 0x4000 };

function dllFlag(exe: Exe, name: string): boolean | null {
  const named = headerFlag(exe.header, [name, name.toUpperCase()]);
  if (named !== null) return named;
  const raw = exe.header.dllCharacteristics ?? exe.header.DllCharacteristics;
  return typeof raw === 'number' ? (raw & DLL_BITS[name]!) !== 0 : null;
}

function status(flag: boolean | null): Verdict['status'] {
  return flag === null ? 'n/a' : flag ? 'pass' : 'fail';
}

function word(flag: boolean | null): string {
  return flag === null ? 'unknown' : flag ? 'yes' : 'no';
}

export function peHardening(context: RuleContext, exe: Exe): { findings: Finding[]; verdicts: Verdict[] } {
  const aslr = dllFlag(exe, 'dynamicBase');
  const highEntropy = dllFlag(exe, 'highEntropyVA');
  const nx = dllFlag(exe, 'nxCompat');
  const cfg = dllFlag(exe, 'guardCF');
  const verdicts = [
    verdict('pie', 'ASLR (DYNAMIC_BASE)', status(aslr), word(aslr), 'IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE'),
    verdict(
      'aslr-high-entropy',
      'High-entropy ASLR',
      exe.bits === 64 ? status(highEntropy) : 'n/a',
      word(highEntropy),
      exe.bits === 64 ? 'IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA' : 'only meaningful for 64-bit images',
    ),
    verdict('nx', 'DEP (NX_COMPAT)', status(nx), word(nx), 'IMAGE_DLLCHARACTERISTICS_NX_COMPAT'),
    verdict(
      'cfg',
      'Control Flow Guard',
      cfg ? 'pass' : 'n/a',
      word(cfg),
      cfg ? 'IMAGE_DLLCHARACTERISTICS_GUARD_CF' : 'the Go toolchain does not emit Control Flow Guard tables',
    ),
    verdict(
      'canary',
      'Stack canary',
      'n/a',
      'not applicable',
      'Go checks stack bounds in every function prologue; /GS cookies are a C compiler feature',
    ),
  ];
  const findings: Finding[] = [];
  if (aslr === false)
    findings.push(makeFinding(NO_PIE, [evidenceAt(context, null, 'DYNAMIC_BASE not set', 'optional header')]));
  if (nx === false)
    findings.push(makeFinding(NO_NX, [evidenceAt(context, null, 'NX_COMPAT not set', 'optional header')]));
  return { findings, verdicts };
}
