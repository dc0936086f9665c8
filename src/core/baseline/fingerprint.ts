import type { Finding } from '../report/types';
import type { ReconcileItem } from '../sbom/types';
import { FINGERPRINT_HEX_DIGITS } from './limits';
import type { Subject } from './types';

/**
 * Fingerprints name a result across builds. They leave out what moves when the same code is built again: file
 * offsets, sizes, build IDs, the file's name. What goes in is the rule, the one value that tells two results of
 * that rule apart (below), and the result's rank among those with the same rule and value, so two secrets that
 * mask alike ("ghp_…0000") still get two fingerprints. Values are the masked ones: a fingerprint written to a
 * baseline file never carries a secret, and --reveal-secrets does not change it.
 */
const FINGERPRINT_VERSION = 'gobinscope-fingerprint-1';

/** The rule prefix of discrepancies, so a baseline can hold findings and discrepancies side by side. */
export const DISCREPANCY_RULE_PREFIX = 'reconcile.';

/**
 * Secrets and leaks are told apart by what was found (the masked value, a host name, a path); a vulnerability by
 * the module it is in, not its version; residue, hardening and build findings occur once a file, so the rule says
 * it all (their values are sizes and build IDs, which change every build).
 */
function findingKey(finding: Finding): string {
  const value = finding.evidence[0]?.value ?? '';
  if (finding.kind === 'secret' || finding.kind === 'leak') return value;
  if (finding.kind === 'vulnerability') {
    const at = value.lastIndexOf('@');
    return at > 0 ? value.slice(0, at) : value;
  }
  return '';
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

interface Keyed {
  rule: string;
  key: string;
  subject: string;
}

async function fingerprinted(keyed: Keyed[]): Promise<Subject[]> {
  const seen = new Map<string, number>();
  return Promise.all(
    keyed.map(async ({ rule, key, subject }) => {
      const identity = `${rule}\n${key}`;
      const rank = seen.get(identity) ?? 0;
      seen.set(identity, rank + 1);
      const hex = await sha256Hex(`${FINGERPRINT_VERSION}\n${identity}\n${rank}`);
      return { rule, fingerprint: hex.slice(0, FINGERPRINT_HEX_DIGITS), subject };
    }),
  );
}

/** One subject per finding, in order. The findings must be the masked ones (the report as shown by default). */
export function findingSubjects(findings: readonly Finding[]): Promise<Subject[]> {
  return fingerprinted(
    findings.map((finding) => {
      const value = finding.evidence[0]?.value;
      return {
        rule: finding.id,
        key: findingKey(finding),
        subject: value ? `${finding.title}: ${value}` : finding.title,
      };
    }),
  );
}

/** One subject per discrepancy, in order: the kind and the module name it, not the versions either side gives. */
export function discrepancySubjects(items: readonly ReconcileItem[]): Promise<Subject[]> {
  return fingerprinted(
    items.map((item) => ({
      rule: DISCREPANCY_RULE_PREFIX + item.kind,
      key: item.module,
      subject: `${item.kind}: ${item.module}`,
    })),
  );
}
