import { humanSize as human } from '../core/report/units';
import type { Report } from '../core/report/types';

/** The short human summary `gobinscope analyze FILE` prints without --json. */
export function summarize(report: Report): string {
  const lines = [
    `${report.file.name}  ${human(report.file.size)}  sha256:${report.file.sha256}`,
    `format: ${report.format}${report.arch ? ` ${report.arch}` : ''}${report.bits ? ` ${report.bits}-bit` : ''}`,
  ];
  const go = report.go;
  if (go) {
    lines.push(`go: ${go.version ?? 'unknown version'}${go.versionSource ? ` (from ${go.versionSource})` : ''}`);
    if (!go.version && go.versionRange) lines.push(`go range: ${go.versionRange} (from the pclntab layout)`);
    const facts = go.buildFacts;
    if (facts) {
      const parts = [`mode ${facts.buildMode.mode ?? 'unknown'}`];
      if (facts.experiments.length > 0) parts.push(`GOEXPERIMENT ${facts.experiments.join(',')}`);
      if (facts.fips140.setting) parts.push(`GOFIPS140 ${facts.fips140.setting}`);
      lines.push(`build: ${parts.join(', ')}`);
    }
    const main = go.buildInfo?.main;
    const recovered =
      main?.resolvedVersion && main.versionSource !== 'buildinfo'
        ? ` (version ${main.resolvedVersion} from ${main.versionSource === 'vcs' ? 'the VCS stamps' : 'an -X flag'})`
        : '';
    if (go.buildInfo?.path) lines.push(`main: ${go.buildInfo.path}${recovered}`);
    lines.push(`functions: ${go.functions.length}  modules: ${go.modules.length}`);
  } else {
    lines.push(`go: no (${report.detection.reason})`);
  }
  if (report.linkage) {
    const l = report.linkage;
    lines.push(
      `linkage: ${l.static ? 'static' : 'dynamic'}${l.cgo ? ', cgo' : l.cgoAllowed ? ', cgo allowed (none linked)' : ''}${l.libc ? `, libc ${l.libc}` : ''}${l.glibcMax ? `, GLIBC ≥ ${l.glibcMax}` : ''}`,
    );
  }
  if (report.packed)
    lines.push(
      `packed: ${report.packed.packer}${report.packed.version ? ` ${report.packed.version}` : ''}` +
        (report.packed.unpacked ? ' (unpacked in memory; this report is of the unpacked program)' : ''),
    );
  lines.push(`sections: ${report.sections.length}`);
  for (const s of report.sections) {
    lines.push(
      `  ${s.name.padEnd(24)} ${s.type.padEnd(12)} ${s.address.padStart(12)} ${String(s.size).padStart(10)} ${s.flags}`,
    );
  }
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  if (report.findings.length > 0) {
    lines.push(`findings: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`);
  }
  lines.push(...vulnerabilityLines(report));
  for (const d of report.diagnostics) lines.push(`note: ${d.source}: ${d.message}`);
  return lines.join('\n');
}

/** Counts by status, or why there are none; the database's age when it is stale. */
function vulnerabilityLines(report: Report): string[] {
  const db = report.vulnDb;
  if (!db) return ['vulnerabilities: no database loaded (gobinscope vulndb import vulndb.zip, or --vulndb PATH)'];
  const counts = new Map<string, number>();
  for (const v of report.vulnerabilities) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  const order = ['reachable', 'present', 'module', 'absent'].filter((s) => counts.has(s));
  const lines = [
    `vulnerabilities: ${report.vulnerabilities.length === 0 ? 'none known' : order.map((s) => `${counts.get(s)} ${s}`).join(', ')}`,
  ];
  for (const v of report.vulnerabilities.filter((m) => m.status === 'reachable' || m.status === 'present'))
    lines.push(`  ${v.status.padEnd(9)} ${v.id} ${v.module}@${v.version} fixed in ${v.fixed ?? 'none'}`);
  if (db.ageDays !== null && db.ageDays > 30)
    lines.push(`  the vulnerability database is ${db.ageDays} days old (${db.modified}): import a fresh one`);
  return lines;
}
