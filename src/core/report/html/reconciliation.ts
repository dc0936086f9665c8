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

/** An error reads as a failed check, a warning as a warned one: the same shapes as the verdict cards. */
function severityCell(severity: ReconcileSeverity): Cell {
  const tone = severity === 'error' ? 'fail' : 'warn';
  return { text: `${STATUS_MARK[tone]} ${severity}`, tone };
}

/** "This SBOM describes X, not Y": the first thing to say when it is about another program. */
function otherProgramBlocks(r: Reconciliation): Block[] {
  if (!r.otherProgram) return [];
  const { sbomDescribes, binaryIs } = r.otherProgram;
  return [
    { type: 'text', text: redactSecrets(`This SBOM describes ${sbomDescribes}, not ${binaryIs}.`), role: 'verdict' },
  ];
}

export function reconciliationBlocks(r: Reconciliation): Block[] {
  const matches = r.verdict === 'match';
  const counts = r.counts;
  const version = (value: string | undefined): string => value || '—';
  return [
    ...otherProgramBlocks(r),
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
