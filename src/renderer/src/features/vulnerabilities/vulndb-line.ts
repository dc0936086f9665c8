import type { VulnDbInfo } from '../../../../core/report/types';
import { STALE_AFTER_DAYS } from '../../../../core/vulns/db';

export function isStale(db: Pick<VulnDbInfo, 'ageDays'>): boolean {
  return db.ageDays !== null && db.ageDays > STALE_AFTER_DAYS;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/**
 * One sentence on a database's date and age, e.g. "Go vulnerability database of 2026-08-21, 101 days old: older
 * than 30 days, import a newer one". A database with no date says so: its age cannot be judged.
 */
export function describeVulnDb(db: Pick<VulnDbInfo, 'modified' | 'ageDays'>): string {
  const date = db.modified?.slice(0, 10);
  if (!date || db.ageDays === null) return 'Go vulnerability database of unknown date: its age cannot be judged';
  const age = db.ageDays <= 0 ? 'from today' : `${days(db.ageDays)} old`;
  const advice = isStale(db) ? `: older than ${STALE_AFTER_DAYS} days, import a newer one` : '';
  return `Go vulnerability database of ${date}, ${age}${advice}`;
}

/** Whether the database the host holds now is another one than the report was matched against. */
export function importedSince(report: VulnDbInfo | null, current: VulnDbInfo | null): boolean {
  if (!current) return false;
  if (!report) return true;
  return report.source !== current.source || report.modified !== current.modified || report.entries !== current.entries;
}
