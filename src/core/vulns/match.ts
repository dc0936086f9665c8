import type { CodeFacts } from '../code/types';
import type { GoReport, Report, VulnerabilityMatch } from '../report/types';
import type { VulnIndex } from './db';
import type { VulnAffected, VulnEntry, VulnImport } from './osv';
import { Reachability } from './reach';
import { SymbolTable, type SymbolPlace } from './symbols';
import { matchTargets, platformOf, type MatchTarget } from './targets';
import { affects, fixedAfter } from './versions';

export interface MatchInputs {
  report: Report;
  index: VulnIndex;
  /** The instruction pass of the same analysis; without it, present symbols cannot be told reachable. */
  code: CodeFacts | null;
}

function symbolTable(go: GoReport, code: CodeFacts | null): SymbolTable {
  const table = new SymbolTable();
  go.functions.forEach((fn, index) => table.add(fn.name, { fn: index, inlined: false }));
  const inline = code?.inline;
  if (inline)
    for (let f = 0; f < inline.count; f++) table.add(inline.name[f]!, { fn: inline.outer[f]!, inlined: true });
  return table;
}

function forPlatform(imports: VulnImport[], goos: string | null, goarch: string | null): VulnImport[] {
  return imports.filter(
    (i) =>
      (i.goos.length === 0 || goos === null || i.goos.includes(goos)) &&
      (i.goarch.length === 0 || goarch === null || i.goarch.includes(goarch)),
  );
}

/**
 * Symbols listed per match: an entry that names a package without symbols matches every function of it (the
 * runtime has thousands); the path is still searched from all of them.
 */
export const MAX_MATCH_SYMBOLS = 20;

/** The database's bare semantic version as the binary's world spells it: "go1.19.10" for Go, "v1.2.3" else. */
export function displayVersion(module: string, semver: string): string {
  return module === 'stdlib' ? `go${semver.replace(/\.0-(beta|rc)\.(\d+)$/, '$1$2')}` : `v${semver}`;
}

interface Judged {
  status: VulnerabilityMatch['status'];
  symbols: VulnerabilityMatch['symbols'];
  path: string[] | null;
}

/** Symbol level: which of the entry's vulnerable symbols the binary holds, and the shortest path to one. */
function judgeSymbols(imports: VulnImport[], table: SymbolTable, reach: Reachability | null, names: string[]): Judged {
  if (imports.length === 0) return { status: 'module', symbols: [], path: null };
  const symbols: VulnerabilityMatch['symbols'] = [];
  const places: SymbolPlace[] = [];
  for (const imp of imports) {
    for (const [symbol, where] of table.find(imp.path, imp.symbols)) {
      if (symbols.length < MAX_MATCH_SYMBOLS)
        symbols.push({
          package: imp.path,
          symbol,
          inlined: where.every((p) => p.inlined),
          functions: where.map((p) => names[p.fn] ?? ''),
        });
      places.push(...where);
    }
  }
  if (symbols.length === 0) return { status: 'absent', symbols, path: null };
  let best: string[] | null = null;
  for (const place of places) {
    const path = reach?.pathTo(place.fn) ?? null;
    if (path && (!best || path.length < best.length)) best = path;
  }
  return { status: best ? 'reachable' : 'present', symbols, path: best };
}

function matchOne(
  entry: VulnEntry,
  affected: VulnAffected,
  target: MatchTarget,
  context: Context,
): VulnerabilityMatch | null {
  if (!target.semver || !affects(affected.ranges, target.semver)) return null;
  const imports = forPlatform(affected.imports, context.goos, context.goarch);
  if (affected.imports.length > 0 && imports.length === 0) return null;
  const judged = context.table
    ? judgeSymbols(imports, context.table, context.reach, context.names)
    : { status: 'module' as const, symbols: [], path: null };
  return {
    id: entry.id,
    aliases: [...new Set(entry.aliases)],
    summary: entry.summary,
    module: affected.module,
    version: target.version,
    fixed: fixedOf(affected, target.semver),
    ...judged,
  };
}

function fixedOf(affected: VulnAffected, semver: string): string | null {
  const fixed = fixedAfter(affected.ranges, semver);
  return fixed === null ? null : displayVersion(affected.module, fixed);
}

interface Context {
  goos: string | null;
  goarch: string | null;
  table: SymbolTable | null;
  reach: Reachability | null;
  names: string[];
}

/**
 * Every known vulnerability of the modules the binary links (module level), each with its vulnerable symbols
 * looked up among the pclntab functions and inlined frames (symbol level: present or absent) and, for present
 * ones, the shortest path of direct calls from main.main or an init function (reachable). Withdrawn entries are
 * skipped.
 */
export function matchVulnerabilities({ report, index, code }: MatchInputs): VulnerabilityMatch[] {
  const go = report.go;
  if (!go) return [];
  const names = go.functions.map((f) => f.name);
  const hasFunctions = names.length > 0;
  const context: Context = {
    ...platformOf(report),
    table: hasFunctions ? symbolTable(go, code) : null,
    reach: hasFunctions && code ? new Reachability(names, code) : null,
    names,
  };
  const matches: VulnerabilityMatch[] = [];
  for (const target of matchTargets(report)) {
    for (const entry of index.byModule.get(target.module) ?? []) {
      if (entry.withdrawn) continue;
      for (const affected of entry.affected) {
        if (affected.module !== target.module) continue;
        const match = matchOne(entry, affected, target, context);
        if (match) matches.push(match);
      }
    }
  }
  return matches.sort((a, b) => statusRank(a.status) - statusRank(b.status) || (a.id < b.id ? -1 : 1));
}

const RANK: Record<VulnerabilityMatch['status'], number> = { reachable: 0, present: 1, module: 2, absent: 3 };

function statusRank(status: VulnerabilityMatch['status']): number {
  return RANK[status];
}

/** Modules matching skipped, with why (never affected, or not judged). */
export function unjudgedModules(report: Report): { module: string; version: string; note: string }[] {
  return matchTargets(report).flatMap((t) => (t.note ? [{ module: t.module, version: t.version, note: t.note }] : []));
}
