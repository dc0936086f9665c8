import type { Analysis } from '../analyze';
import type { Finding, Report, Verdict } from '../report/types';
import { capped, diffByKey, missingFrom } from './diff';
import { FUNCTION_LIST_LIMIT, STRING_LIST_LIMIT } from './types';
import type { Comparison, FindingDelta, VerdictChange } from './types';

/** A path as the build machine wrote it: "/home/…" or "C:\…". -trimpath rewrites these to module paths. */
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/])/;

export function absoluteSourceFiles(report: Report): string[] {
  const files = new Set<string>();
  for (const fn of report.go?.functions ?? []) if (fn.file && ABSOLUTE_PATH.test(fn.file)) files.add(fn.file);
  return [...files].sort();
}

function functionNames(report: Report): Set<string> {
  return new Set((report.go?.functions ?? []).map((fn) => fn.name));
}

export function compareFunctions(a: Report, b: Report): Comparison['functions'] {
  const namesA = functionNames(a);
  const namesB = functionNames(b);
  return {
    countA: a.go?.functions.length ?? 0,
    countB: b.go?.functions.length ?? 0,
    added: capped(missingFrom(namesB, namesA), FUNCTION_LIST_LIMIT),
    removed: capped(missingFrom(namesA, namesB), FUNCTION_LIST_LIMIT),
    absoluteFilesA: absoluteSourceFiles(a).length,
    absoluteFilesB: absoluteSourceFiles(b).length,
  };
}

/**
 * One row per finding and evidence value, so a finding that gains a new occurrence shows that occurrence as new.
 * Offsets are left out of the key on purpose: strip and relinks move bytes without changing what leaks.
 */
function findingRows(findings: Finding[]): FindingDelta[] {
  return findings.flatMap((f) => {
    const values = f.evidence.length > 0 ? f.evidence.map((e) => e.value) : [''];
    return values.map((value) => ({ id: f.id, severity: f.severity, title: f.title, value }));
  });
}

export function compareFindings(a: Report, b: Report): Comparison['findings'] {
  const key = (row: FindingDelta): string => `${row.id}\u0000${row.value}`;
  const diff = diffByKey(findingRows(a.findings), findingRows(b.findings), key, () => true);
  return {
    new: diff.added.map((d) => d.after),
    fixed: diff.removed.map((d) => d.before),
    unchanged: diff.unchanged,
  };
}

export function compareVerdicts(a: Report, b: Report): Comparison['verdicts'] {
  const state = (v: Verdict | undefined): VerdictChange['before'] => (v ? { status: v.status, value: v.value } : null);
  const diff = diffByKey(
    a.verdicts,
    b.verdicts,
    (v) => v.id,
    (x, y) => x.status === y.status && x.value === y.value,
  );
  const row = (v: Verdict, before?: Verdict, after?: Verdict): VerdictChange => ({
    id: v.id,
    group: v.group,
    label: v.label,
    before: state(before),
    after: state(after),
  });
  return {
    changed: [
      ...diff.changed.map((d) => row(d.after, d.before, d.after)),
      ...diff.removed.map((d) => row(d.before, d.before, undefined)),
      ...diff.added.map((d) => row(d.after, undefined, d.after)),
    ],
    unchanged: diff.unchanged,
  };
}

/** Characters of ordinary text, paths and settings; random bytes that happen to be printable have few runs of them. */
const WORDISH = /[A-Za-z0-9 ._/:=,@-]/g;

/** Printable ASCII, a three-letter word in it, and at most one character in ten outside ordinary text. */
function readable(value: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(value) || !/[a-z]{3}/i.test(value)) return false;
  return (value.match(WORDISH)?.length ?? 0) >= value.length * 0.9;
}

/** Readable strings first, each group in sorted order, so the capped list keeps the ones worth reading. */
function readableFirst(values: string[]): string[] {
  return [...values.filter(readable), ...values.filter((v) => !readable(v))];
}

/** Distinct string values on each side; offsets and encodings do not matter for "what text is in the file". */
export function compareStrings(a: Analysis, b: Analysis): Comparison['strings'] {
  const valuesA = new Set(a.strings.map((s) => s.value));
  const valuesB = new Set(b.strings.map((s) => s.value));
  return {
    countA: valuesA.size,
    countB: valuesB.size,
    added: capped(readableFirst(missingFrom(valuesB, valuesA)), STRING_LIST_LIMIT),
    removed: capped(readableFirst(missingFrom(valuesA, valuesB)), STRING_LIST_LIMIT),
  };
}
