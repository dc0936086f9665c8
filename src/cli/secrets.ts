import type { Analysis } from '../core/analyze';
import { Redactor, redactorFor } from '../core/redact/index';
import type { ParsedArgs } from './args';

/** The one opt-in for clear secret values in the command line's own output; off by default. */
export const REVEAL_FLAG = 'reveal-secrets';
export const REVEAL_USAGE = `[--${REVEAL_FLAG}]`;

export function revealing(args: ParsedArgs): boolean {
  return args.flags.has(REVEAL_FLAG);
}

/** What masks the output of a command over these analyses: nothing only when the user asked for clear values. */
export function outputRedactor(args: ParsedArgs | boolean, ...analyses: Analysis[]): Redactor {
  const reveal = typeof args === 'boolean' ? args : revealing(args);
  return reveal ? Redactor.none : redactorFor(...analyses);
}
