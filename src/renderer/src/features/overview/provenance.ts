import type { Report } from '../../../../core/report/types';

/** What can be checked about where a file came from, gathered from the report for the Provenance panel. */
export interface ProvenanceFacts {
  goBuildId: string | null;
  gnuBuildId: string | null;
  vcs: { system: string | null; revision: string | null; time: string | null; modified: string | null } | null;
  /** Dependencies whose build info records an h1: sum, and those without (local replacements). */
  sums: { recorded: number; withoutSum: number };
  /** The binary carries a signature-like value in a variable or -X flag (finding build.embedded-signature). */
  embeddedSignature: boolean;
}

const GO_BUILD_ID_NOTES = ['GO_BUILDID', 'Go build ID'];
const GNU_BUILD_ID_NOTES = ['NT_GNU_BUILD_ID'];

function note(report: Report, names: string[]): string | null {
  return report.notes.find((n) => names.includes(n.typeName))?.value ?? null;
}

export function provenanceFacts(report: Report): ProvenanceFacts {
  const buildInfo = report.go?.buildInfo ?? null;
  const setting = (key: string): string | null => buildInfo?.settings.find((s) => s.key === key)?.value ?? null;
  const vcs = {
    system: setting('vcs'),
    revision: setting('vcs.revision'),
    time: setting('vcs.time'),
    modified: setting('vcs.modified'),
  };
  const built = (buildInfo?.deps ?? []).map((d) => d.replace ?? d);
  const recorded = built.filter((m) => m.sum.startsWith('h1:')).length;
  return {
    goBuildId: note(report, GO_BUILD_ID_NOTES),
    gnuBuildId: note(report, GNU_BUILD_ID_NOTES),
    vcs: Object.values(vcs).some((v) => v !== null) ? vcs : null,
    sums: { recorded, withoutSum: built.length - recorded },
    embeddedSignature: report.findings.some((f) => f.id === 'build.embedded-signature'),
  };
}
