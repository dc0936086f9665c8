import type { CodeFacts } from '../code/types';
import type { Exe, ExeSection } from '../formats/exe';
import { packageOf } from '../go/packages';
import type { Pclntab } from '../go/pclntab';
import type { Diagnostic } from '../io/errors';
import type { GoReport, SizeReport } from '../report/types';
import { Claims } from './claims';
import { claimPclntab } from './pclntab-bytes';

export { Claims } from './claims';

export interface SizeInputs {
  exe: Exe;
  go: GoReport;
  /** The located pclntab, when there is one read from the file. */
  table: Pclntab | null;
  code: CodeFacts | null;
  /** Where the Exe's file offsets start in the file the table was read from (a fat Mach-O slice), else 0. */
  base: number;
  diagnostics: Diagnostic[];
}

/** Loaded sections with bytes in the file that hold code, read-only data, the pclntab or type data. */
function measuredSections(exe: Exe): ExeSection[] {
  return exe.sections.filter((s) => (s.kind === 'code' || s.kind === 'rodata') && s.address > 0 && s.fileSize > 0);
}

class Owners {
  readonly paths: string[] = [];
  private readonly index = new Map<string, number>();
  /** Owner by function name: literals and pclntab records name the same functions over and over. */
  private readonly byName = new Map<string, number>();

  ofFunction(name: string): number {
    let owner = this.byName.get(name);
    if (owner === undefined) this.byName.set(name, (owner = this.of(packageOf(name))));
    return owner;
  }

  of(path: string): number {
    let owner = this.index.get(path);
    if (owner === undefined) {
      owner = this.paths.length;
      this.paths.push(path);
      this.index.set(path, owner);
    }
    return owner;
  }
}

function claimFunctions(inputs: SizeInputs, owners: Owners, claims: Claims): void {
  for (const fn of inputs.go.functions) {
    const entry = Number(fn.entry);
    const offset = inputs.exe.fileOffsetOf(entry);
    if (offset < 0) continue;
    claims.add(inputs.base + offset, inputs.base + offset + fn.size, owners.of(fn.package));
  }
}

/** Literals a function's code points at with a known length belong to that function's package (inlined: the inlined one's). */
function claimLiterals(inputs: SizeInputs, owners: Owners, claims: Claims): void {
  const { code, go, exe, base } = inputs;
  if (!code) return;
  const { refs, inline } = code;
  // Owners by function index and by inline frame, looked up once each: a large binary has hundreds of thousands
  // of references made by a few thousand functions.
  const byCaller = new Int32Array(go.functions.length).fill(-1);
  const byFrame = new Int32Array(inline?.count ?? 0).fill(-1);
  const ownerOf = (cache: Int32Array, index: number, name: string | undefined): number => {
    if (index >= cache.length) return name === undefined ? -1 : owners.ofFunction(name);
    let owner = cache[index]!;
    if (owner === -1 && name !== undefined) cache[index] = owner = owners.ofFunction(name);
    return owner;
  };
  for (let i = 0; i < refs.count; i++) {
    const length = refs.length[i]!;
    if (length <= 0 || refs.isFunction[i]) continue;
    const offset = exe.fileOffsetOf(refs.target[i]!);
    if (offset < 0) continue;
    const frame = refs.frame[i]!;
    const caller = refs.caller[i]!;
    const owner =
      frame >= 0 && inline
        ? ownerOf(byFrame, frame, inline.name[frame])
        : caller >= 0
          ? ownerOf(byCaller, caller, go.functions[caller]?.name)
          : -1;
    if (owner < 0) continue;
    claims.add(base + offset, base + offset + length, owner);
  }
}

/**
 * Bytes per package and module in each code and read-only section: function bodies by the pclntab, each
 * function's pclntab records and tables, and literals by the code that refers to them. Every byte of a measured
 * section is counted once, for one package or as unattributed, so per section the two add up to its size.
 */
export function computeSizes(inputs: SizeInputs): SizeReport {
  const owners = new Owners();
  const claims = new Claims();
  claimFunctions(inputs, owners, claims);
  claimLiterals(inputs, owners, claims);
  if (inputs.table) {
    const failures = claimPclntab(inputs.table, (name) => owners.ofFunction(name), claims, inputs.go.functions);
    if (failures > 0)
      inputs.diagnostics.push({
        level: 'warning',
        source: 'sizes',
        message: `${failures} pclntab records could not be measured; their bytes count as unattributed`,
      });
  }
  const sections = measuredSections(inputs.exe);
  const windows = sections.map((s) => ({ start: inputs.base + s.offset, end: inputs.base + s.offset + s.fileSize }));
  const resolved = claims.resolve(windows, owners.paths.length);
  return assemble(inputs.go, owners.paths, sections, resolved);
}

function assemble(
  go: GoReport,
  paths: string[],
  sections: ExeSection[],
  resolved: ReturnType<Claims['resolve']>,
): SizeReport {
  const moduleOf = new Map(go.packages.map((p) => [p.path, p.module]));
  const packages = paths.map((path) => ({
    path,
    module: moduleOf.get(path) ?? null,
    total: 0,
    sections: {} as Record<string, number>,
  }));
  resolved.forEach((window, s) => {
    const name = sectionName(sections[s]!);
    window.bytes.forEach((bytes, owner) => {
      if (bytes === 0) return;
      const entry = packages[owner]!;
      entry.sections[name] = (entry.sections[name] ?? 0) + bytes;
      entry.total += bytes;
    });
  });
  const kept = packages.filter((p) => p.total > 0).sort((a, b) => b.total - a.total || cmp(a.path, b.path));
  return {
    sections: sections.map((section, s) => ({
      name: sectionName(section),
      size: section.fileSize,
      attributed: resolved[s]!.attributed,
      unattributed: resolved[s]!.unattributed,
    })),
    packages: kept,
    modules: modulesOf(kept),
  };
}

function sectionName(section: ExeSection): string {
  return section.segment ? `${section.segment},${section.name}` : section.name;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function modulesOf(packages: SizeReport['packages']): SizeReport['modules'] {
  const modules = new Map<string, SizeReport['modules'][number]>();
  for (const p of packages) {
    const path = p.module ?? '(no module)';
    let module = modules.get(path);
    if (!module) {
      module = { path, total: 0, sections: {}, packages: 0 };
      modules.set(path, module);
    }
    module.total += p.total;
    module.packages++;
    for (const [name, bytes] of Object.entries(p.sections))
      module.sections[name] = (module.sections[name] ?? 0) + bytes;
  }
  return [...modules.values()].sort((a, b) => b.total - a.total || cmp(a.path, b.path));
}
