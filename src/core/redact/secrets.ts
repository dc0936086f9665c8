import { maskUnit } from '../findings/mask';
import { looksSecret, parseXFlags, unquoteSetting } from '../findings/rules/ldflags';
import { SECRET_PATTERNS } from '../findings/rules/secret-patterns';
import type { Report } from '../report/types';
import type { Sbom } from '../sbom/types';

/** A private key or other multi-line secret may be shown one line at a time: each long line is masked too. */
const MIN_LINE_LENGTH = 8;

/**
 * Every believable secret the patterns find in one piece of text, in clear. For short texts (a build setting, an
 * -X value); the strings of a binary are searched once through the findings corpus instead.
 */
export function secretsInText(text: string): string[] {
  const found: string[] = [];
  for (const candidate of SECRET_PATTERNS) {
    const pattern = new RegExp(candidate.pattern.source, candidate.pattern.flags.replace('g', '') + 'g');
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) pattern.lastIndex++;
      const raw = match.groups?.secret ?? match[0];
      const secret = raw.trim();
      if (secret === '' || (candidate.accept && !candidate.accept(secret, match))) continue;
      found.push(maskUnit(match[0], match[0].lastIndexOf(raw) + raw.indexOf(secret), secret));
    }
  }
  return found;
}

/** Secret-looking values in build settings: -X values judged secret, and pattern matches in any setting. */
export function settingSecrets(settings: readonly { key: string; value: string }[]): string[] {
  const found = new Set<string>();
  for (const { key, value } of settings) {
    if (key === '-ldflags') {
      for (const assignment of parseXFlags(value)) if (looksSecret(assignment)) found.add(assignment.value);
    }
    for (const secret of secretsInText(`${key}=${unquoteSetting(value)}`)) found.add(secret);
  }
  return [...found];
}

/** The secrets a report's own fields reveal without its strings: its build settings. */
export function reportSecrets(report: Partial<Report>): string[] {
  return settingSecrets(report.go?.buildInfo?.settings ?? []);
}

/** The values to mask for a set of secrets: each one whole, and each long line of a multi-line one. */
export function maskUnits(secrets: Iterable<string>): Set<string> {
  const units = new Set<string>();
  for (const secret of secrets) {
    units.add(secret);
    if (!/[\r\n]/.test(secret)) continue;
    for (const line of secret.split(/\r?\n|\r/)) if (line.trim().length >= MIN_LINE_LENGTH) units.add(line.trim());
  }
  return units;
}

/** Where our own SBOMs keep build settings: a property per setting, named after it. */
const SBOM_BUILD_PREFIX = 'gobinscope:build:';

/**
 * Secret-looking values in an SBOM's properties, read as build settings: an SBOM made by another tool, or by us
 * with --reveal-secrets, may carry the -X token of the binary it describes.
 */
export function sbomSecrets(sbom: Sbom): string[] {
  const components = sbom.metadata.component ? [sbom.metadata.component, ...sbom.components] : sbom.components;
  const settings = components.flatMap((component) =>
    component.properties.map(({ name, value }) => ({
      key: name.startsWith(SBOM_BUILD_PREFIX) ? name.slice(SBOM_BUILD_PREFIX.length) : name,
      value,
    })),
  );
  return settingSecrets(settings);
}
