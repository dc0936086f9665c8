// Test support: fixture pairs compared through the real analysis, and section facts from `readelf -SW` output
// captured when the fixtures were built (test/fixtures/build.sh), which is what the tests hold the comparison to.
import { beforeAll, expect } from 'vitest';
import { fixture, gosymFuncs, truth } from '../../../test/fixtures';
import { analyze, type Analysis } from '../analyze';
import { readelfSections, type ReadelfSection } from '../formats/elf/readelf-text';
import { compareReports } from './index';
import type { Comparison } from './types';

const analyses = new Map<string, Promise<{ analysis: Analysis; bytes: Uint8Array }>>();

/** Each fixture is analysed once per test file, however many pairs it is part of. */
function analysed(name: string): Promise<{ analysis: Analysis; bytes: Uint8Array }> {
  let pending = analyses.get(name);
  if (!pending) {
    const bytes = fixture(name);
    pending = analyze(bytes, { fileName: name }).then((analysis) => ({ analysis, bytes }));
    analyses.set(name, pending);
  }
  return pending;
}

export async function compareFixtures(nameA: string, nameB: string): Promise<Comparison> {
  const [a, b] = await Promise.all([analysed(nameA), analysed(nameB)]);
  return compareReports(a.analysis, b.analysis, null, null, a.bytes, b.bytes);
}

/** Compares the pair once before the describe block's tests; the returned function gives the result. */
export function comparedBeforeAll(nameA: string, nameB: string): () => Comparison {
  let comparison: Comparison | undefined;
  beforeAll(async () => {
    comparison = await compareFixtures(nameA, nameB);
  });
  return () => {
    if (!comparison) throw new Error(`${nameA} and ${nameB} were not compared`);
    return comparison;
  };
}

/** The fixture's sections as readelf printed them. */
export function readelfRows(name: string): ReadelfSection[] {
  return readelfSections(truth(`${name}.readelf-S.txt`));
}

/** A section's bytes cut from the fixture at the offset and size readelf gave, not where our reader found them. */
export function readelfBytes(name: string, section: string): Uint8Array {
  const row = readelfRows(name).find((r) => r.name === section);
  if (!row) throw new Error(`${section} not in ${name}.readelf-S.txt`);
  return fixture(name).subarray(row.offset, row.offset + row.size);
}

export interface TruthSectionDiff {
  sizeA: number;
  sizeB: number;
  sha256A: string;
  sha256B: string;
  /** Positions that differ over the common length plus the size difference. */
  differingBytes: number;
  /** Index of the first differing byte, or -1. */
  firstDifference: number;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** How one section differs between two fixtures, worked out from readelf's offsets and sizes alone. */
export async function truthSectionDiff(nameA: string, nameB: string, section: string): Promise<TruthSectionDiff> {
  const a = readelfBytes(nameA, section);
  const b = readelfBytes(nameB, section);
  let differingBytes = Math.abs(a.length - b.length);
  let firstDifference = -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    differingBytes++;
    if (firstDifference < 0) firstDifference = i;
  }
  if (firstDifference < 0 && a.length !== b.length) firstDifference = Math.min(a.length, b.length);
  return {
    sizeA: a.length,
    sizeB: b.length,
    sha256A: await sha256(a),
    sha256B: await sha256(b),
    differingBytes,
    firstDifference,
  };
}

/** Sections readelf lists for `full` and not for `stripped`, with readelf's sizes. */
export function readelfRemoved(full: string, stripped: string): { name: string; size: number }[] {
  const kept = new Set(readelfRows(stripped).map((r) => r.name));
  return readelfRows(full)
    .filter((r) => !kept.has(r.name))
    .map((r) => ({ name: r.name, size: r.size }));
}

/** Distinct absolute source files in Go's own debug/gosym listing of the fixture. */
export function absoluteFiles(name: string): string[] {
  return [
    ...new Set(
      gosymFuncs(name)
        .map((f) => f.file)
        .filter((file) => file.startsWith('/')),
    ),
  ];
}

/** Every compared section agrees with the hashes, sizes and first difference worked out from readelf alone. */
export async function expectSectionsMatchReadelf(c: Comparison, nameA: string, nameB: string): Promise<void> {
  expect(c.code.sections.length).toBeGreaterThan(0);
  for (const s of c.code.sections) {
    const t = await truthSectionDiff(nameA, nameB, s.name);
    expect({
      name: s.name,
      sizeA: s.sizeA,
      sizeB: s.sizeB,
      sha256A: s.sha256A,
      sha256B: s.sha256B,
      identical: s.identical,
      differingBytes: s.differingBytes,
      first: s.firstDifference?.offset ?? -1,
    }).toEqual({
      name: s.name,
      sizeA: t.sizeA,
      sizeB: t.sizeB,
      sha256A: t.sha256A,
      sha256B: t.sha256B,
      identical: t.sha256A === t.sha256B,
      differingBytes: t.differingBytes,
      first: t.firstDifference,
    });
  }
}

/** What `go version -m` printed for the fixture: main package path, dependency paths, build settings. */
export function goVersionTruth(name: string): { path: string; deps: string[]; settings: Map<string, string> } {
  const fields = truth(`${name}.goversion.txt`)
    .split('\n')
    .map((line) => line.split('\t'));
  const settings = new Map<string, string>();
  for (const f of fields.filter((f) => f[1] === 'build')) {
    const [key, ...value] = f[2]!.split('=');
    settings.set(key!, value.join('=').replace(/^"(.*)"$/, '$1'));
  }
  return {
    path: fields.find((f) => f[1] === 'path')?.[2] ?? '',
    deps: fields.filter((f) => f[1] === 'dep').map((f) => f[2]!),
    settings,
  };
}

/** Build settings B has and A lacks, as `go version -m` printed them (values unquoted). */
export function settingsAddedInTruth(nameA: string, nameB: string): [string, string][] {
  const a = goVersionTruth(nameA).settings;
  return [...goVersionTruth(nameB).settings].filter(([key]) => !a.has(key));
}
