import type { Evidence, Finding } from '../../report/types';
import { groupBy, makeFinding, stringPlace, type Rule, type RuleContext } from '../finding';
import { maskSecret, maskUnit } from '../mask';
import { ALL_TEXT, offsetInString } from '../corpus';
import { SECRET_PATTERNS, type SecretPattern } from './secret-patterns';

/** A secret seen at one place: the clear value stays inside this rule and never reaches a Finding. */
export interface SecretHit {
  pattern: SecretPattern;
  secret: string;
  offset: number;
  section: string | null;
  place: string;
  /** What the redaction masks wherever it occurs: the secret, with its neighbours when it is short. */
  unit: string;
}

const REMEDIATION =
  'Revoke and rotate the credential now: anyone with the binary can read it. Load secrets at run time ' +
  '(environment, a secret manager, a mounted file) instead of compiling them in.';

/** Every secret the patterns find in the strings; a generic match inside a specific one is dropped. */
export function findSecrets(context: RuleContext): SecretHit[] {
  const hits: SecretHit[] = [];
  const covered: [number, number][] = [];
  for (const pattern of SECRET_PATTERNS) {
    for (const { match, string, offset, index } of context.corpus
      .only(pattern.scans ?? ALL_TEXT)
      .containing(pattern.needles ?? [])
      .matches(pattern.pattern)) {
      const raw = match.groups?.secret ?? match[0];
      const secret = raw.trim();
      if (pattern.accept && !pattern.accept(secret, match)) continue;
      const end = offset + match[0].length;
      if (pattern.id === 'secret.generic' && covered.some(([from, to]) => offset < to && end > from)) continue;
      covered.push([offset, end]);
      // Evidence points at the secret itself, not at the name or prefix that introduced it.
      const start = match[0].lastIndexOf(raw) + raw.indexOf(secret);
      const at = offsetInString(string, index + start);
      const unit = maskUnit(match[0], start, secret);
      hits.push({ pattern, secret, offset: at, section: string.section, place: stringPlace(string), unit });
    }
  }
  return hits;
}

/** One finding per distinct secret value; each place it appears is a piece of evidence. */
function secretFinding(hits: SecretHit[]): Finding {
  const { pattern, secret } = hits[0]!;
  const evidence: Evidence[] = hits.map((hit) => ({
    section: hit.section,
    offset: hit.offset,
    value: maskSecret(secret),
    context: hit.place,
  }));
  return makeFinding(
    {
      id: pattern.id,
      kind: 'secret',
      severity: pattern.severity,
      title: pattern.title,
      description: `The binary contains ${pattern.what}. Strings in an executable are readable by anyone who has it.`,
      remediation: REMEDIATION,
    },
    evidence,
  );
}

export const secretsRule: Rule = {
  name: 'secrets',
  scans: ALL_TEXT,
  run(context) {
    const hits = findSecrets(context);
    const groups = groupBy(hits, (hit) => `${hit.pattern.id}\0${hit.secret}`);
    return { findings: [...groups.values()].map(secretFinding), secrets: hits.map((hit) => hit.unit) };
  },
};
