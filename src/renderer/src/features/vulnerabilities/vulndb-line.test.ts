import { describe, expect, it } from 'vitest';
import { describeVulnDb, importedSince, isStale } from './vulndb-line';

const db = { source: 'vulndb.zip', modified: '2026-08-21T20:38:00.000Z', ageDays: 101, entries: 4261 };

describe('the database line', () => {
  it('reads as the product wording asks for a stale database', () => {
    expect(describeVulnDb(db)).toBe(
      'Go vulnerability database of 2026-08-21, 101 days old: older than 30 days, import a newer one',
    );
    expect(isStale(db)).toBe(true);
  });

  it('gives no advice up to 30 days, and says when the date is unknown', () => {
    expect(describeVulnDb({ ...db, ageDays: 30 })).toBe('Go vulnerability database of 2026-08-21, 30 days old');
    expect(isStale({ ageDays: 30 })).toBe(false);
    expect(describeVulnDb({ ...db, ageDays: 1 })).toBe('Go vulnerability database of 2026-08-21, 1 day old');
    expect(describeVulnDb({ modified: null, ageDays: null })).toMatch(/unknown date/);
    expect(isStale({ ageDays: null })).toBe(false);
  });

  it('tells a database imported since the analysis from the one it used', () => {
    expect(importedSince(db, { ...db })).toBe(false);
    expect(importedSince(db, { ...db, modified: '2026-11-30T00:00:00Z' })).toBe(true);
    expect(importedSince(null, db)).toBe(true);
    expect(importedSince(db, null)).toBe(false);
  });
});
