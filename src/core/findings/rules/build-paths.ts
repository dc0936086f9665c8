import type { Evidence, Finding } from '../../report/types';
import { evidenceAt, groupBy, makeFinding, stringPlace, type Rule, type RuleContext } from '../finding';
import { ALL_TEXT } from '../corpus';

/** An absolute path seen in the binary: in a string (with its offset) or in the pclntab file table. */
export interface SeenPath {
  path: string;
  offset: number | null;
  context: string;
}

const UNIX_PATH = /(?<![\w.~+-])\/(?:[\w.@+~-]+\/)+[\w.@+~-]+/g;
const WINDOWS_PATH = /(?<![\w])[A-Za-z]:\\(?:[\w .@+~-]+\\)+[\w.@+~-]*/g;
const SOURCE_FILE = /\.(?:go|s|S|c|h|cc|cpp|cxx|hpp|m|mod)$/;
const USER_HOME = /\/home\/([^/\s]+)\/|\/Users\/([^/\s]+)\/|^[A-Za-z]:\\Users\\([^\\\s]+)\\|^\/root\//;
const NOT_A_PERSON = new Set(['Shared', 'Public', 'Default', 'All Users', 'Default User']);

/** Paths that say something about the build machine: sources, the module cache, anything under a home. */
function isBuildPath(path: string): boolean {
  return SOURCE_FILE.test(path) || path.includes('/pkg/mod/') || path.includes('\\pkg\\mod\\') || USER_HOME.test(path);
}

/** Absolute build paths from the strings and from the functions' source files, each once. */
export function collectPaths(context: RuleContext): SeenPath[] {
  const seen = new Map<string, SeenPath>();
  // Only strings with a separator can hold a path.
  const patterns: [RegExp, string][] = [
    [UNIX_PATH, '/'],
    [WINDOWS_PATH, ':\\'],
  ];
  for (const [pattern, separator] of patterns) {
    for (const { match, offset, string } of context.fullCorpus.containing([separator]).matches(pattern)) {
      const path = match[0];
      if (!seen.has(path) && isBuildPath(path)) {
        seen.set(path, { path, offset, context: stringPlace(string) });
      }
    }
  }
  for (const fn of context.report.go?.functions ?? []) {
    const path = fn.file;
    if (path && !seen.has(path) && (path.startsWith('/') || /^[A-Za-z]:\\/.test(path)) && isBuildPath(path)) {
      seen.set(path, { path, offset: null, context: 'pclntab source file' });
    }
  }
  return [...seen.values()];
}

/** The toolchain's root, from where the runtime's own sources were compiled ("/usr/local/go"). */
export function goRootOf(paths: SeenPath[]): string | null {
  for (const { path } of paths) {
    const at = path.search(/[/\\]src[/\\]runtime[/\\]/);
    if (at > 0) return path.slice(0, at);
  }
  return null;
}

function directoryOf(path: string): string {
  const modCache = /^(.*?[/\\]pkg[/\\]mod)[/\\]/.exec(path);
  if (modCache) return modCache[1]!;
  return SOURCE_FILE.test(path) ? path.replace(/[/\\][^/\\]*$/, '') : path;
}

function buildPathFinding(context: RuleContext, paths: SeenPath[], goRoot: string | null): Finding | null {
  const own = paths.filter((p) => !goRoot || !p.path.startsWith(goRoot));
  if (own.length === 0) return null;
  const byDirectory = groupBy(own, (p) => directoryOf(p.path));
  const evidence: Evidence[] = [...byDirectory].map(([directory, items]) => {
    const first = items.find((p) => p.offset !== null) ?? items[0]!;
    const cache = /pkg[/\\]mod$/.test(directory) ? 'module cache (GOPATH)' : first.context;
    return evidenceAt(context, first.offset, directory, `${cache}; ${items.length} path(s)`);
  });
  return makeFinding(
    {
      id: 'leak.build-path',
      kind: 'leak',
      severity: 'low',
      title: 'Absolute build paths',
      description: `${byDirectory.size} build-machine directories are recorded in the binary (source files, module cache).`,
      remediation: 'Build with -trimpath, which records module paths instead of file-system paths.',
    },
    evidence,
  );
}

function usernameOf(path: string): string | null {
  const match = USER_HOME.exec(path);
  if (!match) return null;
  const name = match[1] ?? match[2] ?? match[3] ?? 'root';
  return NOT_A_PERSON.has(name) ? null : name;
}

function usernameFindings(context: RuleContext, paths: SeenPath[]): Finding[] {
  const withUser = paths.flatMap((p) => {
    const user = usernameOf(p.path);
    return user ? [{ ...p, user }] : [];
  });
  return [...groupBy(withUser, (p) => p.user)].map(([user, items]) =>
    makeFinding(
      {
        id: 'leak.username',
        kind: 'leak',
        severity: 'low',
        title: 'User name in build paths',
        description: `Paths under a home directory name the account "${user}" that built the binary.`,
        remediation: 'Build with -trimpath, and build in CI or a container rather than in a personal home directory.',
      },
      items.map((p) => evidenceAt(context, p.offset, p.path, p.context)),
    ),
  );
}

export const buildPathsRule: Rule = {
  name: 'build-paths',
  scans: ALL_TEXT,
  run(context) {
    const paths = collectPaths(context);
    const buildPaths = buildPathFinding(context, paths, goRootOf(paths));
    return { findings: [...(buildPaths ? [buildPaths] : []), ...usernameFindings(context, paths)] };
  },
};
