import type { Evidence, Finding, Severity, VulnDbInfo, VulnerabilityMatch } from '../report/types';
import { STALE_AFTER_DAYS } from './db';

/**
 * Severity by how sure we are the vulnerable code can run: a static call path from main is high; code that is
 * linked but reached, if at all, through interfaces or function values is medium, as is an entry that names no
 * symbols (the whole module is affected); a module in range whose vulnerable symbols are not in the binary is low,
 * so it still shows and a gate at "medium" ignores it.
 */
export const VULN_SEVERITY: Record<VulnerabilityMatch['status'], Severity> = {
  reachable: 'high',
  present: 'medium',
  module: 'medium',
  absent: 'info',
};

const STATUS_TEXT: Record<VulnerabilityMatch['status'], string> = {
  reachable: 'the vulnerable code is linked and a chain of direct calls from main reaches it',
  present:
    'the vulnerable code is linked; no direct call path from main was found (an interface or a function value may still reach it)',
  module: 'the entry names no symbols, so every use of the module counts',
  absent: 'the module version is affected, but none of the vulnerable symbols is in the binary',
};

/** Evidence items per vulnerability finding beyond the version and path lines. */
const MAX_SYMBOL_EVIDENCE = 8;

function evidenceOf(match: VulnerabilityMatch): Evidence[] {
  const evidence: Evidence[] = [
    {
      section: null,
      offset: null,
      value: `${match.module}@${match.version}`,
      context: `fixed in ${match.fixed ?? 'no release yet'}`,
    },
  ];
  for (const s of match.symbols.slice(0, MAX_SYMBOL_EVIDENCE)) {
    const where = s.inlined ? `inlined into ${s.functions.join(', ')}` : 'own function';
    evidence.push({ section: null, offset: null, value: `${s.package}.${s.symbol}`, context: `symbol, ${where}` });
  }
  if (match.path)
    evidence.push({ section: null, offset: null, value: match.path.join(' → '), context: 'path from main' });
  return evidence;
}

export function vulnerabilityFinding(match: VulnerabilityMatch): Finding {
  const aliases = match.aliases.length > 0 ? ` (${match.aliases.join(', ')})` : '';
  return {
    id: `vuln.${match.id}`,
    kind: 'vulnerability',
    severity: VULN_SEVERITY[match.status],
    title: `${match.id}${aliases}: ${match.summary || 'known vulnerability'} — ${match.status}`,
    description: `${match.module}@${match.version} is affected: ${STATUS_TEXT[match.status]}.`,
    evidence: evidenceOf(match),
    remediation: match.fixed
      ? `Upgrade ${match.module === 'stdlib' ? 'Go' : match.module} to ${match.fixed} or later and rebuild.`
      : 'No fixed version yet: avoid the vulnerable symbols or replace the module.',
  };
}

export function staleDbFinding(db: VulnDbInfo): Finding | null {
  if (db.ageDays === null || db.ageDays <= STALE_AFTER_DAYS) return null;
  return {
    id: 'vuln.db-stale',
    kind: 'vulnerability',
    severity: 'low',
    title: `The vulnerability database is ${db.ageDays} days old`,
    description: `Matches come from a database last changed ${db.modified}; entries published since are missing.`,
    evidence: [{ section: null, offset: null, value: db.source, context: `modified ${db.modified}` }],
    remediation: 'Download vuln.go.dev/vulndb.zip again and run gobinscope vulndb import on it.',
  };
}
