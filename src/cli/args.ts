/**
 * A small, strict argument parser: positionals, --flag, --key value, --key=value, and `--` before names that
 * start with a dash. Every flag a command takes is declared; anything else is a usage error that names the
 * nearest flag the command does take, so a typo never passes silently as a flag that does nothing.
 */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** The flags of one command, without dashes: those that take a value and those that are on or off. */
export interface FlagDeclaration {
  valued: readonly string[];
  booleans: readonly string[];
}

/** Every command answers --help and -h with its usage. */
export const HELP_FLAGS = ['help', 'h'] as const;

export function parseArgs(argv: string[], declared: FlagDeclaration, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const booleans = [...declared.booleans, ...HELP_FLAGS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [key, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (declared.valued.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flagName(key)} needs a value`);
      flags.set(key, value);
    } else if (booleans.includes(key)) {
      if (inline !== undefined) throw new UsageError(`${flagName(key)} takes no value`);
      flags.set(key, true);
    } else {
      throw new UsageError(unknownFlag(key, command, [...declared.valued, ...declared.booleans]));
    }
  }
  return { positionals, flags };
}

/** "-o" for one letter, "--json" for a word: the way the usage lines write them. */
export function flagName(key: string): string {
  return key.length === 1 ? `-${key}` : `--${key}`;
}

function unknownFlag(key: string, command: string, known: readonly string[]): string {
  const near = nearest(key, known);
  const hint = near === null ? `see gobinscope ${command} --help` : `did you mean ${flagName(near)}?`;
  return `unknown flag ${flagName(key)} for ${command}; ${hint}`;
}

/**
 * The candidate closest to `word` in edits (a swap of two neighbours counts as one, as in "jsno"), or one that
 * `word` begins ("--out" for --output); null when none is near enough to be what the user meant.
 */
export function nearest(word: string, candidates: readonly string[]): string | null {
  const limit = Math.max(1, Math.ceil(word.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== null && bestDistance <= limit) return best;
  return word.length >= 2 ? (candidates.find((c) => c.startsWith(word.toLowerCase())) ?? null) : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
