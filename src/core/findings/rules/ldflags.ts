import type { Finding } from '../../report/types';
import { buildSettings, evidenceAt, makeFinding, type Rule, type RuleContext } from '../finding';
import { maskSecret } from '../mask';
import { looksGenerated, secretPatternFor } from './secret-patterns';
import { ALL_TEXT } from '../corpus';

/** One -X assignment: the variable (package path and name) and the string it was set to. */
export interface XAssignment {
  name: string;
  value: string;
}

/**
 * Splits flags the way cmd/go does for -ldflags: whitespace separates fields, and a field that starts with a
 * single or double quote runs to the matching quote (no escapes inside).
 */
export function splitFlags(text: string): string[] {
  const fields: string[] = [];
  const field = /\s*(?:'([^']*)'|"([^"]*)"|(\S+))/gy;
  for (let match = field.exec(text); match; match = field.exec(text)) {
    const piece = match[1] ?? match[2] ?? match[3];
    if (piece !== undefined) fields.push(piece);
  }
  return fields;
}

/** The value of a setting as recorded: strconv.Quote'd when it holds spaces or quotes. */
export function unquoteSetting(value: string): string {
  if (!value.startsWith('"') || !value.endsWith('"') || value.length < 2) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : value;
  } catch {
    return value.slice(1, -1);
  }
}

/** Every -X assignment in an -ldflags value: "-X a.b=c", "-X=a.b=c", "--X a.b=c", quoted or not. */
export function parseXFlags(ldflags: string): XAssignment[] {
  const fields = splitFlags(unquoteSetting(ldflags));
  const assignments: XAssignment[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const inline = /^--?X=(.*)$/s.exec(field);
    const text = inline ? inline[1]! : field === '-X' || field === '--X' ? fields[++i] : undefined;
    if (text === undefined) continue;
    const unquoted = text.replace(/^(['"])(.*)\1$/s, '$2');
    const equals = unquoted.indexOf('=');
    if (equals > 0) assignments.push({ name: unquoted.slice(0, equals), value: unquoted.slice(equals + 1) });
  }
  return assignments;
}

const SECRET_NAME = /token|secret|passw(?:or)?d|pwd|api_?key|credential|auth|private/i;

/** A value that a person would not want printed: a known secret shape, or high entropy under a telling name. */
export function looksSecret(assignment: XAssignment): boolean {
  const variable = assignment.name.slice(assignment.name.lastIndexOf('.') + 1);
  if (secretPatternFor(assignment.value) || secretPatternFor(`${variable}=${assignment.value}`)) return true;
  if (SECRET_NAME.test(variable) && looksGenerated(assignment.value, 8, 2.5)) return true;
  return looksGenerated(assignment.value, 20, 4);
}

function xFinding(context: RuleContext, assignment: XAssignment): Finding {
  const secret = looksSecret(assignment);
  const shown = `${assignment.name}=${secret ? maskSecret(assignment.value) : assignment.value}`;
  const offset = context.corpus.find(`${assignment.name}=${assignment.value}`);
  return makeFinding(
    {
      id: 'leak.ldflags-x',
      kind: 'leak',
      severity: secret ? 'high' : 'info',
      title: 'Value set with -ldflags -X',
      description: secret
        ? `${assignment.name} looks secret and was set with -ldflags -X; it is stored in clear in the binary and its build info.`
        : `${assignment.name} was set at build time with -ldflags -X; it is stored in clear in the binary and its build info.`,
      remediation: secret
        ? 'Rotate the value and stop passing secrets through -X; read them at run time instead.'
        : 'Nothing to do if the value is meant to ship; -trimpath also drops -ldflags from the recorded build info.',
    },
    [evidenceAt(context, offset, shown, 'build setting -ldflags')],
  );
}

export const ldflagsRule: Rule = {
  name: 'ldflags',
  scans: ALL_TEXT,
  run(context) {
    const ldflags = buildSettings(context).filter((s) => s.key === '-ldflags');
    const assignments = ldflags.flatMap((s) => parseXFlags(s.value));
    return {
      findings: assignments.map((a) => xFinding(context, a)),
      secrets: assignments.filter(looksSecret).map((a) => a.value),
    };
  },
};
