import {
  RECONCILE_KINDS,
  RECONCILE_SEVERITIES,
  type ReconcileItem,
  type ReconcileKind,
  type ReconcileSeverity,
} from './types';

/** How each kind reads in the summary after a count: "2 missing from the SBOM". */
const SUMMARY_LABELS: Record<ReconcileKind, string> = {
  'missing-from-sbom': 'missing from the SBOM',
  'not-in-binary': 'not in the binary',
  'version-mismatch': 'with another version',
  'replacement-not-reflected': 'with the replacement unrecorded',
  'hash-mismatch': 'with another hash',
  'main-only-in-metadata': 'named only in metadata.component',
};

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function countByKind(items: ReconcileItem[]): Record<ReconcileKind, number> {
  const byKind = Object.fromEntries(RECONCILE_KINDS.map((kind) => [kind, 0])) as Record<ReconcileKind, number>;
  for (const item of items) byKind[item.kind]++;
  return byKind;
}

export function countBySeverity(items: ReconcileItem[]): Record<ReconcileSeverity, number> {
  const bySeverity = { error: 0, warning: 0 };
  for (const item of items) bySeverity[item.severity]++;
  return bySeverity;
}

/** Errors first, then warnings; the order within one severity is kept. */
export function bySeverityOrder(a: ReconcileItem, b: ReconcileItem): number {
  return RECONCILE_SEVERITIES.indexOf(a.severity) - RECONCILE_SEVERITIES.indexOf(b.severity);
}

export function summarize(items: ReconcileItem[], modules: number, size: number): string {
  const moduleCount = count(modules, 'module', 'modules');
  if (items.length === 0) {
    return `The SBOM accounts for all ${moduleCount} in the binary and lists no others.`;
  }
  const byKind = countByKind(items);
  const parts = RECONCILE_KINDS.filter((kind) => byKind[kind] > 0).map(
    (kind) => `${byKind[kind]} ${SUMMARY_LABELS[kind]}`,
  );
  const { error, warning } = countBySeverity(items);
  const levels = `${count(error, 'error', 'errors')}, ${count(warning, 'warning', 'warnings')}`;
  return (
    `${count(items.length, 'discrepancy', 'discrepancies')} (${levels}) between the binary (${moduleCount}) ` +
    `and the SBOM (${count(size, 'component', 'components')}): ${parts.join(', ')}.`
  );
}
