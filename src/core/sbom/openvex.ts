import type { Report, VulnerabilityMatch } from '../report/types';
import { goPurl } from './go-identity';

/** OpenVEX 0.2.0 (github.com/openvex/spec): the context every document names. */
export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

export interface OpenVexOptions {
  /** ISO 8601; defaults to now. */
  timestamp?: string;
  author?: string;
}

interface Statement {
  vulnerability: { '@id': string; name: string; aliases?: string[] };
  products: {
    '@id': string;
    identifiers?: { purl: string };
    hashes?: { 'sha-256': string };
    subcomponents: { '@id': string }[];
  }[];
  status: 'affected' | 'not_affected';
  justification?: 'vulnerable_code_not_present';
  impact_statement?: string;
  action_statement?: string;
  status_notes?: string;
}

const NOTES: Record<VulnerabilityMatch['status'], string> = {
  reachable: 'The vulnerable code is in the binary and a chain of direct calls from main reaches it.',
  present:
    'The vulnerable code is in the binary; no direct call path from main was found, but interface calls and function values are not followed, so it may still run.',
  module: 'The entry names no vulnerable symbols: the affected module version is linked.',
  absent: 'None of the vulnerable symbols is in the binary (its function table and inlined code were searched).',
};

/** The module's package URL; the standard library as pkg:golang/stdlib at the Go release without "go". */
function modulePurl(match: VulnerabilityMatch): string {
  const version = match.module === 'stdlib' ? match.version.replace(/^go/, '').split(/\s/)[0]! : match.version;
  return goPurl(match.module, version) || `pkg:golang/${match.module}`;
}

function productOf(report: Report): Statement['products'][number] {
  const main = report.go?.buildInfo?.main;
  const purl = main?.path ? goPurl(main.path, main.version === '(devel)' ? '' : main.version) : '';
  const sha256 = report.file.sha256;
  return {
    '@id': purl || `urn:sha256:${sha256}`,
    ...(purl ? { identifiers: { purl } } : {}),
    ...(sha256 ? { hashes: { 'sha-256': sha256 } } : {}),
    subcomponents: [],
  };
}

/**
 * A statement per match: "not_affected" with vulnerable_code_not_present when none of the vulnerable symbols is
 * linked; "affected" otherwise. A symbol that is linked but has no static path from main stays "affected" rather
 * than vulnerable_code_not_in_execute_path: the search follows direct calls only, so it cannot prove the code
 * never runs.
 */
function statementOf(match: VulnerabilityMatch, report: Report): Statement {
  const product = productOf(report);
  product.subcomponents = [{ '@id': modulePurl(match) }];
  const statement: Statement = {
    vulnerability: {
      '@id': `https://pkg.go.dev/vuln/${match.id}`,
      name: match.id,
      ...(match.aliases.length > 0 ? { aliases: match.aliases } : {}),
    },
    products: [product],
    status: match.status === 'absent' ? 'not_affected' : 'affected',
    status_notes: NOTES[match.status],
  };
  if (match.status === 'absent') {
    statement.justification = 'vulnerable_code_not_present';
    statement.impact_statement = NOTES.absent;
  } else {
    statement.action_statement = match.fixed
      ? `Upgrade ${match.module === 'stdlib' ? 'Go' : match.module} to ${match.fixed} or later and rebuild.`
      : 'No fixed version is known: avoid the vulnerable symbols or replace the module.';
  }
  return statement;
}

/** An OpenVEX 0.2.0 document with a statement for every vulnerability matched in the report. */
export function generateOpenVex(report: Report, options: OpenVexOptions = {}): string {
  const timestamp = new Date(options.timestamp ?? Date.now());
  if (Number.isNaN(timestamp.getTime())) throw new RangeError(`invalid timestamp ${options.timestamp}`);
  const document = {
    '@context': OPENVEX_CONTEXT,
    '@id': `urn:gobinscope:vex:${report.file.sha256 || 'unknown'}:${timestamp.getTime()}`,
    author: options.author ?? 'gobinscope',
    timestamp: timestamp.toISOString(),
    version: 1,
    tooling: `${report.tool.name} ${report.tool.version}`,
    statements: (report.vulnerabilities ?? []).map((m) => statementOf(m, report)),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
