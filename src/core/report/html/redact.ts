import { maskSecret } from '../../findings/mask';
import { SECRET_PATTERNS } from '../../findings/rules/secret-patterns';
import { Redactor, maskUnits, settingSecrets } from '../../redact/index';
import type { Evidence, Finding } from '../types';

/**
 * The exports never unmask: evidence arrives masked from the findings engine. These helpers are the second line:
 * they mask again whatever still looks like a secret, so a rule that forgot to mask cannot leak through a PDF.
 */

/** A value the mask already shaped: at most four characters either side of one ellipsis. */
const ALREADY_MASKED = /^[^…]{0,4}…[^…]{0,4}$/u;

function maskOnce(value: string): string {
  return ALREADY_MASKED.test(value) ? value : maskSecret(value);
}

/** Masks every believable secret inside free text (a URL with a password, a token in an -X value, ...). */
export function redactSecrets(text: string): string {
  let result = text;
  for (const candidate of SECRET_PATTERNS) {
    const flags = candidate.pattern.flags.includes('g') ? candidate.pattern.flags : `${candidate.pattern.flags}g`;
    result = result.replace(new RegExp(candidate.pattern.source, flags), (...args: unknown[]) => {
      const match = matchFrom(args);
      const secret = (match.groups?.secret ?? match[0]).trim();
      if (secret === '' || (candidate.accept && !candidate.accept(secret, match))) return match[0];
      return match[0].replace(secret, maskOnce(secret));
    });
  }
  return result;
}

/** Rebuilds the RegExpExecArray shape that String.replace spreads over its callback's arguments. */
function matchFrom(args: unknown[]): RegExpExecArray {
  const last = args[args.length - 1];
  const hasGroups = typeof last === 'object' && last !== null;
  const groups = hasGroups ? (last as Record<string, string>) : undefined;
  const indexAt = args.length - (hasGroups ? 3 : 2);
  const match = args.slice(0, indexAt) as string[] as RegExpExecArray;
  match.index = args[indexAt] as number;
  match.input = args[indexAt + 1] as string;
  match.groups = groups;
  return match;
}

/** The evidence value as the report shows it: secret findings masked (again), secrets in other text redacted. */
export function shownEvidence(finding: Finding, evidence: Evidence): string {
  const value = finding.kind === 'secret' ? maskOnce(evidence.value) : evidence.value;
  return redactSecrets(value);
}

/** A build setting as the report shows it: secret-looking values masked by the rule every surface uses. */
export function shownSetting(key: string, value: string): string {
  return redactSecrets(Redactor.of(maskUnits(settingSecrets([{ key, value }]))).text(value));
}
