import type { Finding, LinkageReport, Verdict } from '../../report/types';
import { evidenceAt, makeFinding, type Rule, type RuleContext } from '../finding';
import { compareVersions, linkageOf } from './linkage';
import { NO_TEXT } from '../corpus';

/** CentOS 7 / RHEL 7 ship glibc 2.17: the oldest glibc still commonly targeted. */
export const CENTOS7_GLIBC = '2.17';

function portable(id: string, label: string, status: Verdict['status'], value: string, reason: string): Verdict {
  return { id, group: 'portability', label, status, value, reason };
}

function scratchVerdict(linkage: LinkageReport): Verdict {
  if (linkage.static && !linkage.interpreter)
    return portable('scratch', 'Runs on scratch', 'pass', 'yes', 'static, no interpreter');
  const needs = [linkage.interpreter, ...linkage.needed].filter(Boolean).join(', ');
  return portable('scratch', 'Runs on scratch', 'fail', 'no', `needs ${needs}`);
}

function alpineVerdict(linkage: LinkageReport): Verdict {
  if (linkage.static) return portable('alpine', 'Runs on Alpine (musl)', 'pass', 'yes', 'static');
  if (linkage.libc === 'musl')
    return portable(
      'alpine',
      'Runs on Alpine (musl)',
      'pass',
      'yes',
      `musl loader ${linkage.interpreter ?? ''}`.trim(),
    );
  if (linkage.libc === 'glibc') {
    return portable(
      'alpine',
      'Runs on Alpine (musl)',
      'fail',
      'no',
      `needs glibc (${linkage.interpreter ?? 'libc.so.6'}); Alpine has musl, gcompat may help`,
    );
  }
  return portable(
    'alpine',
    'Runs on Alpine (musl)',
    'warn',
    'unknown',
    `dynamic with ${linkage.interpreter ?? 'no known loader'}`,
  );
}

function centos7Verdict(linkage: LinkageReport): Verdict {
  const label = 'Runs on CentOS 7 (glibc 2.17)';
  if (linkage.static) return portable('centos7', label, 'pass', 'yes', 'static');
  if (linkage.libc !== 'glibc')
    return portable('centos7', label, 'fail', 'no', `needs ${linkage.libc ?? 'an unknown'} libc`);
  if (!linkage.glibcMax)
    return portable('centos7', label, 'pass', 'yes', 'needs only the glibc loader, no versioned symbols');
  const fits = compareVersions(linkage.glibcMax, CENTOS7_GLIBC) <= 0;
  return portable(
    'centos7',
    label,
    fits ? 'pass' : 'fail',
    `GLIBC_${linkage.glibcMax}`,
    fits
      ? `highest glibc version needed is ${linkage.glibcMax}`
      : `needs GLIBC_${linkage.glibcMax}, CentOS 7 has ${CENTOS7_GLIBC}`,
  );
}

function portabilityFindings(context: RuleContext, linkage: LinkageReport): Finding[] {
  const findings: Finding[] = [];
  if (linkage.glibcMax && compareVersions(linkage.glibcMax, CENTOS7_GLIBC) > 0) {
    findings.push(
      makeFinding(
        {
          id: 'portability.glibc-too-new',
          kind: 'portability',
          severity: 'low',
          title: 'Needs a newer glibc than CentOS 7',
          description:
            `Symbols versioned GLIBC_${linkage.glibcMax} are needed, so the binary will not start on older ` +
            `distributions (CentOS 7 / RHEL 7 have ${CENTOS7_GLIBC}).`,
          remediation:
            'Build with CGO_ENABLED=0 if cgo is not needed, or build cgo code against an older glibc ' +
            '(an older build image) or statically against musl.',
        },
        [evidenceAt(context, null, `GLIBC_${linkage.glibcMax}`, 'highest version needed (.gnu.version_r)')],
      ),
    );
  }
  if (!linkage.static) {
    const evidence = [linkage.interpreter, ...linkage.needed]
      .filter((v): v is string => !!v)
      .map((value, i) =>
        evidenceAt(context, null, value, i === 0 && linkage.interpreter ? 'interpreter' : 'needed library'),
      );
    findings.push(
      makeFinding(
        {
          id: 'portability.dynamic',
          kind: 'portability',
          severity: 'info',
          title: 'Dynamically linked',
          description:
            'The binary needs a loader and shared libraries at run time, so minimal images (scratch, ' +
            'distroless/static) cannot run it as is.',
          remediation: 'Build with CGO_ENABLED=0 for a static Go binary, or ship the libraries it needs.',
        },
        evidence,
      ),
    );
  }
  return findings;
}

export const portabilityRule: Rule = {
  name: 'portability',
  scans: NO_TEXT,
  run(context) {
    const linkage = linkageOf(context);
    if (!linkage) return {};
    if (context.exe && context.exe.format !== 'elf') {
      const reason = 'Linux container images apply to ELF executables only';
      return {
        verdicts: ['scratch', 'alpine', 'centos7'].map((id) => portable(id, id, 'n/a', 'n/a', reason)),
        findings: [],
      };
    }
    const verdicts = [scratchVerdict(linkage), alpineVerdict(linkage), centos7Verdict(linkage)];
    return { verdicts, findings: portabilityFindings(context, linkage) };
  },
};
