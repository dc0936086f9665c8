import type { Analysis } from '../analyze';
import type { Finding, Report, Verdict } from '../report/types';
import { capped, diffByKey, missingFrom } from './diff';
import { mainModuleOf } from './metadata';
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
function findingRows(finding: Finding): FindingDelta[] {
  const values = finding.evidence.length > 0 ? finding.evidence.map((e) => e.value) : [''];
  return values.map((value) => ({ id: finding.id, severity: finding.severity, title: finding.title, value }));
}

const rowKey = (row: FindingDelta): string => `${row.id}\u0000${row.value}`;

/** Rows of `findings` whose key `other` lacks, each key once, and how many findings they came from. */
function rowsMissingFrom(findings: Finding[], other: Set<string>): { rows: FindingDelta[]; findings: number } {
  const seen = new Set<string>();
  const rows: FindingDelta[] = [];
  let count = 0;
  for (const finding of findings) {
    const missing = findingRows(finding).filter((row) => {
      const key = rowKey(row);
      if (other.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (missing.length > 0) count++;
    rows.push(...missing);
  }
  return { rows, findings: count };
}

export function compareFindings(a: Report, b: Report): Comparison['findings'] {
  const keysA = new Set(a.findings.flatMap(findingRows).map(rowKey));
  const keysB = new Set(b.findings.flatMap(findingRows).map(rowKey));
  const added = rowsMissingFrom(b.findings, keysA);
  const fixed = rowsMissingFrom(a.findings, keysB);
  let unchanged = 0;
  for (const key of keysA) if (keysB.has(key)) unchanged++;
  return {
    new: added.rows,
    fixed: fixed.rows,
    unchanged,
    countA: a.findings.length,
    countB: b.findings.length,
    withNew: added.findings,
    withFixed: fixed.findings,
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

/** Code of the program itself: main, or a package of the main module, as the referrer's name starts. */
function ownCode(referencedBy: string | null | undefined, mainModule: string | null): boolean {
  if (!referencedBy) return false;
  return referencedBy.startsWith('main.') || (mainModule !== null && referencedBy.startsWith(`${mainModule}/`));
}

/**
 * The values worth listing as "only in A/B": the Go literals the exact-literal layer cut out when both files have
 * them (printable runs between them are mostly pieces of code and tables), else readable text only. Literals the
 * program's own code loads come first, so the capped list keeps the ones a reviewer asks about.
 */
function listable(analysis: Analysis, literals: boolean): { values: Set<string>; own: Set<string> } {
  const values = new Set<string>();
  const own = new Set<string>();
  const main = mainModuleOf(analysis.report);
  for (const s of analysis.strings) {
    if (!(literals ? s.kind === 'literal' : readable(s.value))) continue;
    values.add(s.value);
    if (ownCode(s.referencedBy, main)) own.add(s.value);
  }
  return { values, own };
}

function ownFirst(values: string[], own: Set<string>): string[] {
  return [...values.filter((v) => own.has(v)), ...values.filter((v) => !own.has(v))];
}

/** Strings of each side; offsets and encodings do not matter for "what text is in the file". */
export function compareStrings(a: Analysis, b: Analysis): Comparison['strings'] {
  const hasLiterals = (x: Analysis): boolean => x.strings.some((s) => s.kind === 'literal');
  const literals = hasLiterals(a) && hasLiterals(b);
  const sideA = listable(a, literals);
  const sideB = listable(b, literals);
  return {
    countA: a.strings.length,
    countB: b.strings.length,
    added: capped(ownFirst(missingFrom(sideB.values, sideA.values), sideB.own), STRING_LIST_LIMIT),
    removed: capped(ownFirst(missingFrom(sideA.values, sideB.values), sideA.own), STRING_LIST_LIMIT),
    listed: literals ? 'literal' : 'text',
  };
}
