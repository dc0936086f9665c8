import type { Finding, Verdict } from '../../report/types';
import { buildSettings, evidenceAt, makeFinding, type Rule, type RuleContext } from '../finding';
import { ALL_TEXT } from '../corpus';

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/])/;
const SOURCE_PATH = /(?<![\w.~+-])(?:\/|[A-Za-z]:\\)(?:[\w.@+~-]+[/\\])+[\w.@+~-]+\.(?:go|s)(?![\w])/g;

/** Distinct absolute source-file paths, from pclntab's functions or, without them, from the strings. */
function absoluteSources(context: RuleContext): { path: string; offset: number | null }[] {
  const files = new Map<string, number | null>();
  for (const fn of context.report.go?.functions ?? []) {
    if (fn.file && ABSOLUTE.test(fn.file) && !files.has(fn.file)) files.set(fn.file, null);
  }
  if (files.size === 0) {
    for (const { match, offset } of context.fullCorpus.matches(SOURCE_PATH)) {
      if (!files.has(match[0])) files.set(match[0], offset);
    }
  }
  return [...files].map(([path, offset]) => ({ path, offset }));
}

function hasTrimpath(context: RuleContext): boolean {
  return buildSettings(context).some((s) => s.key === '-trimpath' && s.value === 'true');
}

function untrimmedFinding(context: RuleContext): Finding | null {
  const sources = absoluteSources(context);
  if (sources.length === 0) return null;
  const bytes = sources.reduce((sum, s) => sum + s.path.length, 0);
  return makeFinding(
    {
      id: 'residue.untrimmed-paths',
      kind: 'residue',
      severity: 'low',
      title: 'Untrimmed source paths',
      description: `${sources.length} source files are recorded with absolute build-machine paths.`,
      remediation: 'Build with -trimpath.',
    },
    sources
      .slice(0, 5)
      .map((s) => evidenceAt(context, s.offset ?? context.fullCorpus.find(s.path), s.path, 'source file path')),
    { bytes },
  );
}

function noTrimpathFinding(context: RuleContext): Finding {
  return makeFinding(
    {
      id: 'build.no-trimpath',
      kind: 'build',
      severity: 'low',
      title: 'Built without -trimpath',
      description:
        'The build settings do not include -trimpath=true, so file-system paths of the build machine ' +
        'and the -ldflags used are recorded.',
      remediation: 'Add -trimpath to go build (or GOFLAGS=-trimpath) for reproducible, path-free binaries.',
    },
    [evidenceAt(context, context.report.go?.buildInfo?.offset ?? null, '-trimpath absent', 'build settings')],
  );
}

export const trimpathRule: Rule = {
  name: 'trimpath',
  scans: ALL_TEXT,
  run(context) {
    const trimmed = hasTrimpath(context);
    const findings: Finding[] = [];
    const untrimmed = trimmed ? null : untrimmedFinding(context);
    if (untrimmed) findings.push(untrimmed);
    const recorded = context.report.go?.buildInfo != null;
    if (recorded && !trimmed) findings.push(noTrimpathFinding(context));
    const verdict: Verdict = {
      id: 'trimpath',
      group: 'residue',
      label: 'Paths trimmed',
      value: trimmed ? 'yes' : untrimmed ? 'no' : 'unknown',
      status: trimmed ? 'pass' : untrimmed ? 'fail' : 'n/a',
      reason: trimmed
        ? '-trimpath=true in build settings'
        : untrimmed
          ? untrimmed.description
          : 'no build info and no absolute source paths',
    };
    return { findings, verdicts: [verdict] };
  },
};
