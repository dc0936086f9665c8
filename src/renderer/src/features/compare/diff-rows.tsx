import type { Comparison, ModuleState, SettingChange, VerdictChange } from '../../../../core/compare/types';
import type { Report } from '../../../../core/report/types';
import { count } from '../../lib/format';
import type { DiffRow, DiffRows } from './DiffTable';
import { Absent, Size, SizeDelta, type Mark, type Tone } from './values';

function text(value: string | null | undefined) {
  return value === null || value === undefined || value === '' ? <Absent /> : value;
}

function split(rows: DiffRow[]): DiffRows {
  return { changed: rows.filter((r) => r.mark !== 'same'), unchanged: rows.filter((r) => r.mark === 'same') };
}

function fact(key: string, label: string, a: string | null, b: string | null): DiffRow {
  return { key, label, a: text(a), b: text(b), mark: a === b ? 'same' : 'changed' };
}

function countFact(key: string, label: string, a: number, b: number): DiffRow {
  return { key, label, a: count(a), b: count(b), mark: a === b ? 'same' : 'changed' };
}

/** The headline facts: format, size, toolchain, main module and the counts. */
export function fileRows(c: Comparison): DiffRows {
  const format = (f: string, arch: string | null) => [f.toUpperCase(), arch].filter(Boolean).join(' ');
  const size: DiffRow = {
    key: 'size',
    label: 'Size',
    a: <Size bytes={c.size.a} />,
    b: (
      <>
        {<Size bytes={c.size.b} />}{' '}
        {c.size.delta !== 0 && (
          <span className="muted">
            (<SizeDelta bytes={c.size.delta} />)
          </span>
        )}
      </>
    ),
    mark: c.size.delta === 0 ? 'same' : 'changed',
  };
  return split([
    fact('format', 'Format', format(c.format.a, c.format.archA), format(c.format.b, c.format.archB)),
    size,
    fact('go', 'Go version', c.goVersion.a, c.goVersion.b),
    fact('main', 'Main module', c.mainModule.a, c.mainModule.b),
    countFact('symbols', 'Symbols', c.symbols.a.total, c.symbols.b.total),
    countFact('dynamic', 'Dynamic symbols', c.symbols.a.dynamic, c.symbols.b.dynamic),
    countFact('functions', 'Functions (pclntab)', c.functions.countA, c.functions.countB),
    countFact('absolute', 'Absolute source paths', c.functions.absoluteFilesA, c.functions.absoluteFilesB),
    countFact('strings', 'Strings', c.strings.countA, c.strings.countB),
  ]);
}

function settingRow(s: SettingChange, mark: Mark): DiffRow {
  return { key: s.key, label: <code>{s.key}</code>, a: text(s.before), b: text(s.after), mark };
}

export function settingRows(c: Comparison, a: Report): DiffRows {
  const { added, removed, changed } = c.buildSettings;
  const touched = new Set([...added, ...removed, ...changed].map((s) => s.key));
  const same = (a.go?.buildInfo?.settings ?? []).filter((s) => !touched.has(s.key));
  return {
    changed: [
      ...added.map((s) => settingRow(s, 'added')),
      ...removed.map((s) => settingRow(s, 'removed')),
      ...changed.map((s) => settingRow(s, 'changed')),
    ],
    unchanged: same.map((s) => settingRow({ key: s.key, before: s.value, after: s.value }, 'same')),
  };
}

function moduleText(state: ModuleState | null) {
  if (!state) return <Absent />;
  // "../greeting@(devel)" reads better as go version -m prints it: "../greeting (devel)".
  const replace = state.replace?.replace(/@(?=[^@]*$)/, ' ');
  return (
    <span title={state.sum || undefined}>
      {state.version || '(no version)'}
      {replace && ` => ${replace}`}
    </span>
  );
}

export function moduleRows(c: Comparison, a: Report): DiffRows {
  const { added, removed, changed } = c.modules;
  const row = (
    path: string,
    before: ModuleState | null,
    after: ModuleState | null,
    mark: Mark,
    word?: string,
  ): DiffRow => ({
    key: path,
    label: <code>{path}</code>,
    a: moduleText(before),
    b: moduleText(after),
    mark,
    markWord: word,
  });
  const touched = new Set([...added, ...removed, ...changed].map((m) => m.path));
  const deps = a.go?.buildInfo?.deps ?? [];
  return {
    changed: [
      ...added.map((m) => row(m.path, null, m.after, 'added')),
      ...removed.map((m) => row(m.path, m.before, null, 'removed')),
      ...changed.map((m) => row(m.path, m.before, m.after, 'changed', `${m.what.join(', ')} changed`)),
    ],
    unchanged: deps
      .filter((d) => !touched.has(d.path))
      .map((d) => {
        const state = {
          version: d.version,
          sum: d.sum,
          replace: d.replace ? `${d.replace.path}${d.replace.version ? `@${d.replace.version}` : ''}` : null,
        };
        return row(d.path, state, state, 'same');
      }),
  };
}

export function sectionRows(c: Comparison, a: Report, b: Report): DiffRows {
  const { added, removed, resized } = c.sections;
  const label = (name: string) => <code>{name}</code>;
  const touched = new Set([...added, ...removed, ...resized].map((s) => s.name));
  const inB = new Set(b.sections.map((s) => s.name));
  return {
    changed: [
      ...added.map((s): DiffRow => ({
        key: `+${s.name}`,
        label: label(s.name),
        a: <Absent />,
        b: <Size bytes={s.size} />,
        mark: 'added',
      })),
      ...removed.map((s): DiffRow => ({
        key: `-${s.name}`,
        label: label(s.name),
        a: <Size bytes={s.size} />,
        b: <Absent />,
        mark: 'removed',
      })),
      ...resized.map((s): DiffRow => ({
        key: `~${s.name}`,
        label: label(s.name),
        a: <Size bytes={s.sizeA} />,
        b: (
          <>
            <Size bytes={s.sizeB} />{' '}
            <span className="muted">
              (<SizeDelta bytes={s.delta} />)
            </span>
          </>
        ),
        mark: 'changed',
        markWord: 'resized',
      })),
    ],
    unchanged: a.sections
      .filter((s) => s.name && !touched.has(s.name) && inB.has(s.name))
      .map((s) => ({
        key: `=${s.name}`,
        label: label(s.name),
        a: <Size bytes={s.size} />,
        b: <Size bytes={s.size} />,
        mark: 'same',
      })),
  };
}

function findingLabel(severity: string, title: string) {
  return (
    <>
      <span className="severity-word">{severity}</span> {title}
    </>
  );
}

export function findingRows(c: Comparison, a: Report): DiffRows {
  const fixed = new Set(c.findings.fixed.map((f) => `${f.id}\u0000${f.value}`));
  const same = a.findings.flatMap((f) =>
    (f.evidence.length > 0 ? f.evidence.map((e) => e.value) : ['']).map((value) => ({ f, value })),
  );
  return {
    changed: [
      ...c.findings.new.map((f, i): DiffRow => ({
        key: `n${i}`,
        label: findingLabel(f.severity, f.title),
        a: <Absent />,
        b: text(f.value),
        mark: 'added',
        markWord: 'new',
        tone: 'bad',
      })),
      ...c.findings.fixed.map((f, i): DiffRow => ({
        key: `f${i}`,
        label: findingLabel(f.severity, f.title),
        a: text(f.value),
        b: <Absent />,
        mark: 'removed',
        markWord: 'fixed',
        tone: 'good',
      })),
    ],
    unchanged: same
      .filter(({ f, value }) => !fixed.has(`${f.id}\u0000${value}`))
      .map(({ f, value }, i) => ({
        key: `u${i}`,
        label: findingLabel(f.severity, f.title),
        a: text(value),
        b: text(value),
        mark: 'same',
      })),
  };
}

const STATUS_RANK: Partial<Record<string, number>> = { fail: 0, warn: 1, pass: 2 };

/** Good news when the verdict moved towards pass, bad when away from it; none when either side is n/a or absent. */
function verdictTone(v: VerdictChange): Tone | undefined {
  const before = STATUS_RANK[v.before?.status ?? ''];
  const after = STATUS_RANK[v.after?.status ?? ''];
  if (before === undefined || after === undefined || before === after) return undefined;
  return after > before ? 'good' : 'bad';
}

function verdictText(state: VerdictChange['before']) {
  return state ? `${state.status}: ${state.value}` : <Absent />;
}

export function verdictRows(c: Comparison, a: Report): DiffRows {
  const touched = new Set(c.verdicts.changed.map((v) => v.id));
  const row = (v: VerdictChange, tone = verdictTone(v)): DiffRow => ({
    key: v.id,
    label: v.label,
    a: verdictText(v.before),
    b: verdictText(v.after),
    mark: !v.before ? 'added' : !v.after ? 'removed' : 'changed',
    markWord: tone && (tone === 'good' ? 'better' : 'worse'),
    tone,
  });
  return {
    changed: c.verdicts.changed.map((v) => row(v)),
    unchanged: a.verdicts
      .filter((v) => !touched.has(v.id))
      .map((v) => ({ key: v.id, label: v.label, a: verdictText(v), b: verdictText(v), mark: 'same' })),
  };
}
