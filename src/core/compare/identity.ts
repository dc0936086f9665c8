import type { Report } from '../report/types';
import { mainModuleOf } from './metadata';
import type { ProgramIdentity } from './types';

/**
 * Who the two files are, said before what differs between them: a byte count between two different programs
 * answers nothing anyone asked, and a PNG is no side of a comparison at all.
 */

/** Raised when a file cannot be one side of a comparison; the message is the one analysing it alone gives. */
export class NotComparableError extends Error {
  readonly code = 'NOT_EXECUTABLE';
  constructor(message: string) {
    super(message);
    this.name = 'NotComparableError';
  }
}

/**
 * Why this analysed file cannot be compared, in the words the window shows when it is opened alone
 * ("icon.png: This is not an executable (looks like a PNG image)."), or null when it can be.
 */
export function refusalOf(report: Report): string | null {
  return report.format === 'unknown' ? `${report.file.name}: ${report.detection.reason}` : null;
}

/** Throws the first side's refusal, so a comparison never runs on a file that is not an executable. */
export function requireComparable(a: Report, b: Report): void {
  const refusal = refusalOf(a) ?? refusalOf(b);
  if (refusal) throw new NotComparableError(refusal);
}

/** The main package path recorded in build info ("path" line); it tells two commands of one module apart. */
function mainPackageOf(report: Report): string | null {
  return report.go?.buildInfo?.path || null;
}

function differentStatement(a: Report, b: Report, moduleA: string, moduleB: string): string {
  const sameModule = moduleA === moduleB;
  const nameA = sameModule ? (mainPackageOf(a) ?? moduleA) : moduleA;
  const nameB = sameModule ? (mainPackageOf(b) ?? moduleB) : moduleB;
  const what = sameModule ? `two commands of ${moduleA}` : 'two programs';
  return (
    `Different programs: A (${a.file.name}) is ${nameA}, B (${b.file.name}) is ${nameB}. ` +
    `What follows compares ${what}, not two builds of one.`
  );
}

function unknownStatement(moduleA: string | null, moduleB: string | null): string {
  const who =
    moduleA === null && moduleB === null
      ? 'Neither file records a main module'
      : `${moduleA === null ? 'A' : 'B'} records no main module`;
  return `${who}: whether both are builds of one program is not known.`;
}

/** Whether A and B are builds of one program, by their main module (and main package) paths. */
export function programIdentity(a: Report, b: Report): ProgramIdentity {
  const moduleA = mainModuleOf(a);
  const moduleB = mainModuleOf(b);
  const base = { mainModuleA: moduleA, mainModuleB: moduleB };
  if (moduleA === null || moduleB === null)
    return { ...base, verdict: 'unknown', statement: unknownStatement(moduleA, moduleB) };
  const packageA = mainPackageOf(a);
  const packageB = mainPackageOf(b);
  const samePackage = packageA === null || packageB === null || packageA === packageB;
  if (moduleA === moduleB && samePackage)
    return { ...base, verdict: 'same', statement: `Same program: both are builds of ${packageA ?? moduleA}.` };
  return { ...base, verdict: 'different', statement: differentStatement(a, b, moduleA, moduleB) };
}
