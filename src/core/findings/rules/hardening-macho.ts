import type { Exe } from '../../formats/exe';
import type { Finding, Verdict } from '../../report/types';
import { evidenceAt, makeFinding, type RuleContext } from '../finding';
import { EXEC_STACK, headerFlag, NO_PIE, RPATH, verdict } from './hardening-common';

export function machoHardening(context: RuleContext, exe: Exe): { findings: Finding[]; verdicts: Verdict[] } {
  const pie = headerFlag(exe.header, ['PIE', 'MH_PIE', 'pie']);
  const stackExec = headerFlag(exe.header, ['ALLOW_STACK_EXECUTION', 'MH_ALLOW_STACK_EXECUTION']) === true;
  const heapNx = headerFlag(exe.header, ['NO_HEAP_EXECUTION', 'MH_NO_HEAP_EXECUTION']) === true;
  const findings: Finding[] = [];
  const verdicts: Verdict[] = [
    pie === null
      ? verdict('pie', 'PIE', 'n/a', 'unknown', 'Mach-O header flags not read')
      : verdict('pie', 'PIE', pie ? 'pass' : 'fail', pie ? 'yes' : 'no', pie ? 'MH_PIE' : 'MH_PIE not set'),
    verdict(
      'nx',
      'NX stack',
      stackExec ? 'fail' : 'pass',
      stackExec ? 'no' : 'yes',
      stackExec ? 'MH_ALLOW_STACK_EXECUTION' : `stack not executable${heapNx ? '; MH_NO_HEAP_EXECUTION' : ''}`,
    ),
    verdict(
      'canary',
      'Stack canary',
      'n/a',
      'not applicable',
      'Go checks stack bounds in every function prologue; canaries only guard C frames',
    ),
  ];
  if (pie === false)
    findings.push(makeFinding(NO_PIE, [evidenceAt(context, null, 'MH_PIE not set', 'Mach-O header flags')]));
  if (stackExec) {
    findings.push(
      makeFinding(EXEC_STACK, [evidenceAt(context, null, 'MH_ALLOW_STACK_EXECUTION', 'Mach-O header flags')]),
    );
  }
  const rpaths = exe.linkage.rpath;
  verdicts.push(
    verdict(
      'rpath',
      'LC_RPATH',
      rpaths.length ? 'fail' : 'pass',
      rpaths.join(':') || 'none',
      rpaths.length ? 'library search path set' : 'no LC_RPATH',
    ),
  );
  if (rpaths.length)
    findings.push(
      makeFinding(
        RPATH,
        rpaths.map((p) => evidenceAt(context, null, p, 'LC_RPATH')),
      ),
    );
  return { findings, verdicts };
}
