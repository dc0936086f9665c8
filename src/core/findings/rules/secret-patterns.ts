import type { Severity } from '../../report/types';
import { shannonEntropy } from '../../formats/entropy';
import { LITERALS_ONLY, type TextKinds } from '../corpus';

/**
 * One kind of secret: a pattern whose named group `secret` is the value to mask, and an optional check that
 * turns a lexical match into a believable secret. Patterns never match "\0", the separator of the corpus.
 */
export interface SecretPattern {
  id: string;
  severity: Severity;
  title: string;
  what: string;
  pattern: RegExp;
  accept?: (secret: string, match: RegExpExecArray) => boolean;
  /** Kinds of text the pattern reads; all when absent. */
  scans?: TextKinds;
  /** Texts every match holds one of (exact case), so only strings with one are searched; absent: every string. */
  needles?: string[];
}

const encoder = new TextEncoder();

/** Shannon entropy of a value's characters, bits per character. */
export function textEntropy(value: string): number {
  return shannonEntropy(encoder.encode(value));
}

function decodeBase64Url(part: string): string | null {
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
}

/** A JWT's first part must decode to a JSON object naming its signing algorithm. */
function isJwt(token: string): boolean {
  const header = decodeBase64Url(token.split('.')[0] ?? '');
  if (header === null) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === 'object' && parsed !== null && 'alg' in parsed;
  } catch {
    return false;
  }
}

const PLACEHOLDERS =
  /^(?:pass(?:word)?|passwd|secret|changeme|x+|\*+|user|pwd|<[^>]*>|\$\{?\w+\}?|%[a-z]|\{\{?\w*\}?\}|\[\w+\])$/i;

/** Credentials in a URL, unless the password is a placeholder or a format verb. */
function isUrlCredential(password: string): boolean {
  return !PLACEHOLDERS.test(password) && !/%[0-9a-z]|\{|\$/.test(password);
}

/** Assigned values that look generated: long enough, mixed, and above a character-entropy floor. */
export function looksGenerated(value: string, minLength = 12, minEntropy = 3.3): boolean {
  if (value.length < minLength || PLACEHOLDERS.test(value)) return false;
  if (/%[0-9.]*[a-z]|\{\w*\}|\$\{|^[a-z_]+$|^[A-Z_]+$|^[a-z]+(?:[A-Z][a-z]+)+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  return classes >= 2 && textEntropy(value) >= minEntropy;
}

const b64 = 'A-Za-z0-9+/';

export const SECRET_PATTERNS: SecretPattern[] = [
  {
    id: 'secret.aws-access-key-id',
    severity: 'high',
    title: 'AWS access key ID',
    what: 'an AWS access key ID',
    pattern: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])/g,
    needles: ['AKIA', 'ASIA'],
  },
  {
    id: 'secret.aws-secret-access-key',
    severity: 'critical',
    title: 'AWS secret access key',
    what: 'an AWS secret access key next to its name',
    pattern: new RegExp(
      `aws_?secret(?:_?access)?_?key["'\\]]?\\s*(?:[:=]|=>)\\s*["']?(?<secret>[${b64}]{40})(?![${b64}])`,
      'gi',
    ),
  },
  {
    id: 'secret.google-api-key',
    severity: 'high',
    title: 'Google API key',
    what: 'a Google API key',
    pattern: /(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g,
    needles: ['AIza'],
  },
  {
    id: 'secret.azure-storage-key',
    severity: 'critical',
    title: 'Azure storage account key',
    what: 'an Azure storage account key in a connection string',
    pattern: new RegExp(`AccountKey=(?<secret>[${b64}]{86}==)`, 'g'),
    needles: ['AccountKey='],
  },
  {
    id: 'secret.github-token',
    severity: 'critical',
    title: 'GitHub token',
    what: 'a GitHub access token',
    pattern: /(?<secret>gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/g,
    needles: ['gh', 'github_pat_'],
  },
  {
    id: 'secret.gitlab-token',
    severity: 'critical',
    title: 'GitLab token',
    what: 'a GitLab personal access token',
    pattern: /(?<secret>glpat-[A-Za-z0-9_-]{20,})/g,
    needles: ['glpat-'],
  },
  {
    id: 'secret.slack-token',
    severity: 'high',
    title: 'Slack token',
    what: 'a Slack API token',
    pattern: /(?<secret>xox[abprs]-[A-Za-z0-9]+(?:-[A-Za-z0-9]+){1,4})/g,
    needles: ['xox'],
    accept: (secret) => secret.length >= 24,
  },
  {
    id: 'secret.slack-webhook',
    severity: 'high',
    title: 'Slack webhook URL',
    what: 'a Slack incoming-webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/services\/(?<secret>T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]{8,})/g,
    needles: ['https://hooks.slack.com/services/'],
  },
  {
    id: 'secret.stripe-key',
    severity: 'critical',
    title: 'Stripe live key',
    what: 'a Stripe live secret key',
    pattern: /(?<secret>(?:sk|rk)_live_[A-Za-z0-9]{20,})/g,
    needles: ['_live_'],
  },
  {
    id: 'secret.private-key',
    severity: 'critical',
    title: 'Private key',
    what: 'a PEM private key block',
    pattern: new RegExp(
      `-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\\r?\\n(?:[A-Za-z-]+: [^\\n\\0]*\\n)*\\r?\\n?(?<secret>[${b64}=\\r\\n]{40,})`,
      'g',
    ),
    needles: ['-----BEGIN '],
  },
  {
    id: 'secret.jwt',
    severity: 'high',
    title: 'JSON Web Token',
    what: 'a signed JSON Web Token',
    pattern: /(?<secret>eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])/g,
    needles: ['eyJ'],
    accept: isJwt,
  },
  {
    id: 'secret.url-credentials',
    severity: 'high',
    title: 'Credentials in a URL',
    what: 'a URL with a user name and password',
    pattern: /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s:@/"'<>\0]{1,64}:(?<secret>[^\s@/"'<>\0]{3,128})@[A-Za-z0-9.-]+/gi,
    needles: ['://'],
    accept: isUrlCredential,
  },
  {
    id: 'secret.generic',
    severity: 'high',
    title: 'Hard-coded secret',
    what: 'a password, token or API key assignment',
    pattern:
      /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|client_secret|token|auth_token|access_token|api[_-]?key|apikey|private_key)["']?\s*[:=]\s*["']?(?<secret>[^\s"'&;,\0]{8,128})/gi,
    accept: (secret) => looksGenerated(secret),
    // A name and a value that come from two literals glued by the linker ("Invalid token: " then "InvalidARN…")
    // read as an assignment in other text; only a single literal says the two belong together.
    scans: LITERALS_ONLY,
  },
];

/** The first pattern that finds a believable secret in `text`, or null. */
export function secretPatternFor(text: string): SecretPattern | null {
  for (const candidate of SECRET_PATTERNS) {
    const pattern = new RegExp(candidate.pattern.source, candidate.pattern.flags.replace('g', ''));
    const match = pattern.exec(text);
    if (!match) continue;
    const secret = (match.groups?.secret ?? match[0]).trim();
    if (!candidate.accept || candidate.accept(secret, match)) return candidate;
  }
  return null;
}
