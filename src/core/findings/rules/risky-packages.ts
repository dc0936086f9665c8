import { evidenceAt, makeFinding, type Rule } from '../finding';
import { NO_TEXT } from '../corpus';

// Packages whose mere presence opens something at run time: profiling and variable dumps over HTTP, and
// loading code from disk.
const RISKY: Record<string, string> = {
  'net/http/pprof':
    'registers /debug/pprof/ handlers on http.DefaultServeMux (profiles, goroutine dumps, command line)',
  expvar: 'registers /debug/vars on http.DefaultServeMux (command line and memory statistics)',
  plugin: 'loads and runs shared objects from disk at run time',
};

/** Package paths linked in: from the report's packages, or from function names when packages are absent. */
function linkedPackages(packages: string[], functionPackages: string[]): Set<string> {
  return new Set(packages.length > 0 ? packages : functionPackages);
}

export const riskyPackagesRule: Rule = {
  name: 'risky-packages',
  scans: NO_TEXT,
  run(context) {
    const go = context.report.go;
    if (!go) return {};
    const linked = linkedPackages(
      go.packages.map((p) => p.path),
      go.functions.map((f) => f.package),
    );
    const findings = Object.entries(RISKY)
      .filter(([path]) => linked.has(path))
      .map(([path, why]) =>
        makeFinding(
          {
            id: 'hardening.risky-package',
            kind: 'hardening',
            severity: 'medium',
            title: 'Risky package linked in',
            description: `${path} ${why}. If the default mux is served on a reachable port, anyone can use it.`,
            remediation:
              path === 'plugin'
                ? 'Make sure plugin paths come from a trusted, read-only location, or drop the plugin dependency.'
                : `Remove the ${path} import from production builds (build tags), or serve it only on a loopback or admin listener.`,
          },
          [evidenceAt(context, null, path, 'linked package')],
        ),
      );
    return { findings };
  },
};
