import { maskSecret } from '../findings/mask';
import { looksSecret, parseXFlags } from '../findings/rules/ldflags';
import type { Report } from '../report/types';
import { plural } from './diff';
import { absoluteSourceFiles } from './inventory';
import { settingsOf } from './metadata';
import type { Leak } from './types';

/** "first, second and N more": an example or two and the count, for evidence lines. */
function examples(values: string[], shown = 2): string {
  const head = values.slice(0, shown).join(', ');
  return values.length > shown ? `${head} and ${values.length - shown} more` : head;
}

function sourcePathLeak(report: Report): Leak | null {
  const files = absoluteSourceFiles(report);
  if (files.length === 0) return null;
  return {
    what: `build-machine source paths in pclntab (${plural(files.length, 'file')})`,
    evidence: examples(files),
    flag: '-trimpath',
    remedy: 'strip leaves pclntab alone because the runtime needs it; -trimpath records module-relative paths instead.',
  };
}

function xValueLeak(report: Report): Leak | null {
  const assignments = settingsOf(report)
    .filter((s) => s.key === '-ldflags')
    .flatMap((s) => parseXFlags(s.value));
  if (assignments.length === 0) return null;
  const shown = assignments.map((x) => `${x.name}=${looksSecret(x) ? maskSecret(x.value) : x.value}`);
  return {
    what: `-X values in the recorded -ldflags build setting (${assignments.length})`,
    evidence: examples(shown, 3),
    flag: '-trimpath',
    remedy:
      '-trimpath keeps -ldflags out of the build settings; the values themselves stay in the data for as long as -X sets them.',
  };
}

function vcsLeak(report: Report): Leak | null {
  const stamps = settingsOf(report).filter((s) => s.key === 'vcs' || s.key.startsWith('vcs.'));
  if (stamps.length === 0) return null;
  return {
    what: 'version-control stamp in build info',
    evidence: examples(
      stamps.map((s) => `${s.key}=${s.value}`),
      3,
    ),
    flag: '-buildvcs=false',
    remedy: 'go build -buildvcs=false leaves out the revision, commit time and dirty flag.',
  };
}

function buildInfoLeak(report: Report): Leak | null {
  const info = report.go?.buildInfo;
  if (!info) return null;
  const deps = info.deps.map((d) => `${d.path} ${d.version}${d.replace ? ` => ${d.replace.path}` : ''}`);
  const main = info.main?.path || info.path;
  return {
    what: `build info: Go version, main module${deps.length > 0 ? ` and ${plural(deps.length, 'module version')}` : ''}`,
    evidence: examples([`${report.go?.version ?? 'go?'} ${main}`, ...deps], 3),
    flag: null,
    remedy: 'Go records build info in every module-mode build (go version -m reads it); no build flag removes it.',
  };
}

function buildIdLeak(report: Report): Leak | null {
  const note = report.notes.find((n) => n.owner === 'Go' && n.value !== '');
  if (!note) return null;
  return {
    what: 'Go build ID note',
    evidence: note.value,
    flag: '-ldflags=-buildid=',
    remedy: 'The build ID ties the file to the build cache entries that made it; an empty -buildid leaves it out.',
  };
}

function functionNameLeak(report: Report): Leak | null {
  const names = (report.go?.functions ?? []).map((f) => f.name);
  if (names.length === 0) return null;
  const own = names.filter((name) => name.startsWith('main.'));
  return {
    what: `function names in pclntab (${names.length})`,
    evidence: examples(own.length > 0 ? own : names),
    flag: null,
    remedy: 'The runtime needs pclntab for stack traces and garbage collection: neither strip nor -s -w removes it.',
  };
}

function secretLeak(report: Report): Leak | null {
  const secrets = report.findings.filter((f) => f.kind === 'secret');
  if (secrets.length === 0) return null;
  return {
    what: `secret-looking values in the data (${secrets.length})`,
    evidence: examples(secrets.map((f) => `${f.id} ${f.evidence[0]?.value ?? ''}`.trim())),
    flag: null,
    remedy: 'Stripping removes symbols, not data: rotate these and stop compiling them into the program.',
  };
}

/** What the stripped file still gives away, most telling first, each with the flag that would remove it. */
export function stillLeaks(stripped: Report): Leak[] {
  const checks = [secretLeak, sourcePathLeak, xValueLeak, vcsLeak, buildInfoLeak, buildIdLeak, functionNameLeak];
  return checks.map((check) => check(stripped)).filter((leak): leak is Leak => leak !== null);
}
