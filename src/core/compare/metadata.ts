import type { GoModule, Report } from '../report/types';
import { diffByKey } from './diff';
import type { Comparison, FileIdentity, ModuleChange, ModuleState, SettingChange } from './types';

export function identityOf(report: Report): FileIdentity {
  return { ...report.file, format: report.format, arch: report.arch, goVersion: report.go?.version ?? null };
}

/** The main module path: recorded in build info, else the module the report marked as main. */
export function mainModuleOf(report: Report): string | null {
  const go = report.go;
  if (!go) return null;
  return go.buildInfo?.main?.path || go.buildInfo?.path || go.modules.find((m) => m.origin === 'main')?.path || null;
}

export function settingsOf(report: Report): { key: string; value: string }[] {
  return report.go?.buildInfo?.settings ?? [];
}

export function compareSettings(a: Report, b: Report): Comparison['buildSettings'] {
  const diff = diffByKey(
    settingsOf(a),
    settingsOf(b),
    (s) => s.key,
    (x, y) => x.value === y.value,
  );
  const row = (key: string, before: string | null, after: string | null): SettingChange => ({ key, before, after });
  return {
    added: diff.added.map((d) => row(d.key, null, d.after.value)),
    removed: diff.removed.map((d) => row(d.key, d.before.value, null)),
    changed: diff.changed.map((d) => row(d.key, d.before.value, d.after.value)),
    unchanged: diff.unchanged,
  };
}

interface ModuleRow {
  path: string;
  state: ModuleState;
}

/**
 * Dependency modules as recorded in build info; without build info, the modules the Go analysis recorded or
 * inferred from package paths. The main module and the standard library are compared elsewhere.
 */
function modulesOf(report: Report): ModuleRow[] {
  const go = report.go;
  if (!go) return [];
  const replaceText = (r: GoModule['replace']): string | null =>
    r ? `${r.path}${r.version ? `@${r.version}` : ''}` : null;
  if (go.buildInfo) {
    return go.buildInfo.deps.map((d) => ({
      path: d.path,
      state: { version: d.version, sum: d.sum, replace: replaceText(d.replace) },
    }));
  }
  return go.modules
    .filter((m) => m.origin === 'recorded' || m.origin === 'inferred')
    .map((m) => ({ path: m.path, state: { version: m.version, sum: m.sum, replace: replaceText(m.replace) } }));
}

function changedParts(before: ModuleState, after: ModuleState): string[] {
  const parts: string[] = [];
  if (before.version !== after.version) parts.push('version');
  if (before.sum !== after.sum) parts.push('sum');
  if (before.replace !== after.replace) parts.push('replace');
  return parts;
}

export function compareModules(a: Report, b: Report): Comparison['modules'] {
  const diff = diffByKey(
    modulesOf(a),
    modulesOf(b),
    (m) => m.path,
    (x, y) => changedParts(x.state, y.state).length === 0,
  );
  const row = (path: string, before: ModuleState | null, after: ModuleState | null, what: string[]): ModuleChange => ({
    path,
    before,
    after,
    what,
  });
  return {
    added: diff.added.map((d) => row(d.key, null, d.after.state, ['added'])),
    removed: diff.removed.map((d) => row(d.key, d.before.state, null, ['removed'])),
    changed: diff.changed.map((d) =>
      row(d.key, d.before.state, d.after.state, changedParts(d.before.state, d.after.state)),
    ),
    unchanged: diff.unchanged,
  };
}

export function compareSections(a: Report, b: Report): Comparison['sections'] {
  const diff = diffByKey(
    a.sections,
    b.sections,
    (s) => s.name,
    (x, y) => x.size === y.size,
  );
  return {
    added: diff.added.map((d) => ({ name: d.key, size: d.after.size })),
    removed: diff.removed.map((d) => ({ name: d.key, size: d.before.size })),
    resized: diff.changed.map((d) => ({
      name: d.key,
      sizeA: d.before.size,
      sizeB: d.after.size,
      delta: d.after.size - d.before.size,
    })),
    unchanged: diff.unchanged,
  };
}

/** The facts of the two files side by side: format, size, Go version, main module, symbol counts. */
export function compareHeadlines(
  a: Report,
  b: Report,
): Pick<Comparison, 'format' | 'size' | 'goVersion' | 'mainModule' | 'symbols'> {
  const versionA = a.go?.version ?? null;
  const versionB = b.go?.version ?? null;
  const mainA = mainModuleOf(a);
  const mainB = mainModuleOf(b);
  return {
    format: {
      a: a.format,
      b: b.format,
      archA: a.arch,
      archB: b.arch,
      same: a.format === b.format && a.arch === b.arch,
    },
    size: { a: a.file.size, b: b.file.size, delta: b.file.size - a.file.size },
    goVersion: { a: versionA, b: versionB, changed: versionA !== versionB },
    mainModule: { a: mainA, b: mainB, changed: mainA !== mainB },
    symbols: { a: { ...a.symbols }, b: { ...b.symbols } },
  };
}
