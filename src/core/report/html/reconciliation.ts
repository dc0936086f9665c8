import type { Reconciliation } from '../../sbom/types';
import type { Block } from './model';
import { formatCount, isRecord, limitRows, toneText } from './model';
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

export function reconciliationBlocks(r: Reconciliation): Block[] {
  const matches = r.verdict === 'match';
  const counts = r.counts;
  const version = (value: string | undefined): string => value || '—';
  return [
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
                { text: toneText(item.severity), tone: item.severity },
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
