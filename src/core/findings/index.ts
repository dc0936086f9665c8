import type { Finding, Verdict } from '../report/types';
import { SEVERITIES } from '../report/types';
import { contextFor, makeContext, type FindingsInput, type Rule, type RuleContext, type RuleOutput } from './finding';
import { buildPathsRule } from './rules/build-paths';
import { emailsRule } from './rules/emails';
import { embeddedSignatureRule } from './rules/embedded-signature';
import { hardeningRule } from './rules/hardening';
import { internalHostsRule } from './rules/internal-hosts';
import { ldflagsRule } from './rules/ldflags';
import { portabilityRule } from './rules/portability';
import { residueRule } from './rules/residue';
import { riskyPackagesRule } from './rules/risky-packages';
import { secretsRule } from './rules/secrets';
import { trimpathRule } from './rules/trimpath';
import { vcsRule } from './rules/vcs';

export { maskSecret } from './mask';
export type { FindingsInput } from './finding';

/** Every rule, in the order their findings are listed before sorting by severity. */
export const RULES: readonly Rule[] = [
  secretsRule,
  ldflagsRule,
  embeddedSignatureRule,
  buildPathsRule,
  internalHostsRule,
  emailsRule,
  vcsRule,
  residueRule,
  trimpathRule,
  hardeningRule,
  riskyPackagesRule,
  portabilityRule,
];

/**
 * One rule's output. Unlike the readers, whose own bugs are thrown, a rule that throws for any reason costs only its
 * own findings: the report says which rule failed and why, and the other rules still run.
 */
function runRule(rule: Rule, context: RuleContext, input: FindingsInput): Partial<RuleOutput> {
  try {
    return rule.run(contextFor(context, rule));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    input.report.diagnostics.push({
      level: 'error',
      source: `findings:${rule.name}`,
      message: `rule failed: ${message}`,
    });
    return {};
  }
}

/**
 * Runs every rule over the analysed file; findings come back most severe first, verdicts in rule order. A rule that
 * throws adds a diagnostic naming it, and the other rules' findings still stand.
 */
export function analyzeFindings(
  input: FindingsInput,
  rules: readonly Rule[] = RULES,
): { findings: Finding[]; verdicts: Verdict[]; secrets: string[] } {
  const context = makeContext(input);
  const findings: Finding[] = [];
  const verdicts: Verdict[] = [];
  const secrets = new Set<string>();
  for (const rule of rules) {
    const output = runRule(rule, context, input);
    findings.push(...(output.findings ?? []));
    verdicts.push(...(output.verdicts ?? []));
    for (const secret of output.secrets ?? []) secrets.add(secret);
  }
  const rank = (finding: Finding): number => SEVERITIES.indexOf(finding.severity);
  findings.sort((a, b) => rank(a) - rank(b));
  return { findings, verdicts, secrets: [...secrets] };
}
