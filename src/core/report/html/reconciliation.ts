import type { ReconcileSeverity, Reconciliation } from '../../sbom/types';
import type { Block, Cell } from './model';
import { STATUS_MARK, formatCount, isRecord, limitRows, toneText } from './model';
import { redactSecrets } from './redact';

/** The SBOM reconciliation in its own words, for objects shaped like src/core/sbom/types.ts's Reconciliation. */

export function isReconciliation(value: unknown): value is Reconciliation {
  if (!isRecord(value)) return false;
  const counts = value['counts'];
  return (
    typeof value['verdict'] === 'string' &&
    typeof value['summary'] === 'string' &&
    Array.isArray(value['items']) &&
    isRecord(counts) &&
    typeof counts['matched'] === 'number' &&
    typeof counts['binaryModules'] === 'number' &&
    typeof counts['sbomComponents'] === 'number' &&
    typeof counts['ignored'] === 'number'
  );
}

/** What the SBOM and the binary each are, when they are not the same program. */
export interface OtherProgram {
  sbomDescribes: string;
  binaryIs: string;
}

/**
 * The reconciliation's `otherProgram`, read defensively: older engines leave it out, and a reconciliation may come
 * from a file a person passed in. Null when the SBOM describes this binary's program (or nobody said).
 */
export function otherProgramOf(r: unknown): OtherProgram | null {
  const other = isRecord(r) ? r['otherProgram'] : null;
  if (!isRecord(other)) return null;
  const { sbomDescribes, binaryIs } = other;
  return typeof sbomDescribes === 'string' && typeof binaryIs === 'string' ? { sbomDescribes, binaryIs } : null;
}

/** "This SBOM describes example.com/other, not example.com/hello.": the first thing to read, when it applies. */
export function otherProgramStatement(r: unknown): string | null {
  const other = otherProgramOf(r);
  return other ? `This SBOM describes ${other.sbomDescribes}, not ${other.binaryIs}.` : null;
}

/** An error reads as a failed check, a warning as a warned one: the same shapes as the verdict cards. */
function severityCell(severity: ReconcileSeverity): Cell {
  const tone = severity === 'error' ? 'fail' : 'warn';
  return { text: `${STATUS_MARK[tone]} ${severity}`, tone };
}

/** The verdict, the counts and the summary: the reconciliation's answer, for a cover. */
export function reconciliationVerdictBlocks(r: Reconciliation): Block[] {
  const matches = r.verdict === 'match';
  const counts = r.counts;
  const statement = otherProgramStatement(r);
  return [
    ...(statement ? [{ type: 'text', text: redactSecrets(statement), role: 'verdict' } as Block] : []),
    {
      type: 'facts',
      facts: [
        {
          label: 'Verdict',
          value: `${toneText(matches ? 'pass' : 'fail')}: the SBOM ${matches ? 'matches' : 'does not match'} the binary`,
        },
        { label: 'Modules in the binary', value: formatCount(counts.binaryModules) },
        { label: 'Components in the SBOM', value: formatCount(counts.sbomComponents) },
        { label: 'Matched', value: formatCount(counts.matched) },
        ...(r.bySeverity
          ? [
              {
                label: 'Errors, warnings',
                value: `${formatCount(r.bySeverity.error)}, ${formatCount(r.bySeverity.warning)}`,
              },
            ]
          : []),
        { label: 'Not compared', value: `${formatCount(counts.ignored)} (not Go modules)` },
      ],
    },
    { type: 'text', text: redactSecrets(r.summary), role: 'verdict' },
  ];
}

/** Each disagreement, worst first as the engine ordered them. */
export function reconciliationItemBlocks(r: Reconciliation): Block[] {
  const version = (value: string | undefined): string => value || '—';
  return [
    r.items.length === 0
      ? { type: 'text', text: 'Every module the binary holds is in the SBOM, at the same version.' }
      : {
          type: 'table',
          table: limitRows(
            {
              headers: ['Severity', 'Disagreement', 'Module', 'Binary', 'SBOM', 'Explanation'],
              rows: r.items.map((item) => [
                severityCell(item.severity),
                item.kind,
                item.module,
                version(item.binary?.version),
                version(item.sbom?.version),
                redactSecrets(item.explanation),
              ]),
              mono: [2],
            },
            400,
          ),
        },
  ];
}

export function reconciliationBlocks(r: Reconciliation): Block[] {
  return [...reconciliationVerdictBlocks(r), ...reconciliationItemBlocks(r)];
}
