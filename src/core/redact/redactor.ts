import { maskSecret } from '../findings/mask';

/** Secrets shorter than this are not masked inside other text: three letters would blot out unrelated words. */
export const MIN_SECRET_LENGTH = 4;
/** Most distinct secret values one redactor masks; a binary with more is a dump of keys, masked up to here. */
export const MAX_SECRETS = 10_000;

/** Passes over one text at most; overlapping secrets need one pass each. */
const MAX_ROUNDS = 8;

/** Called for each string the redaction changed: where it sits (slash-separated path) and its clear text. */
export type MaskedListener = (path: string, clear: string) => void;

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The one redaction step: every occurrence of every known secret value, inside any string, is replaced with its
 * mask (`maskSecret`). One alternation of the values, longest first, so each string is scanned once.
 */
export class Redactor {
  private readonly masks = new Map<string, string>();
  private readonly pattern: RegExp | null;
  private readonly shortest: number;

  private constructor(secrets: Iterable<string>) {
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH || this.masks.size >= MAX_SECRETS) continue;
      this.masks.set(secret, maskSecret(secret));
    }
    const values = [...this.masks.keys()].sort((x, y) => y.length - x.length);
    this.pattern = values.length ? new RegExp(values.map(escapeForPattern).join('|'), 'g') : null;
    this.shortest = values.length ? values[values.length - 1]!.length : Infinity;
  }

  /** A redactor for these clear values (duplicates and too-short values are ignored). */
  static of(secrets: Iterable<string>): Redactor {
    return new Redactor(secrets);
  }

  /** Masks nothing: what the CLI uses when the user asked for clear values with --reveal-secrets. */
  static readonly none: Redactor = new Redactor([]);

  /** How many distinct values this redactor masks. */
  get size(): number {
    return this.masks.size;
  }

  /** The text with every secret in it masked; the same string when it holds none. */
  text(value: string): string {
    if (!this.pattern || value.length < this.shortest) return value;
    let shown = value;
    // Two secrets can overlap ("…0000" ending one, "0000post" starting the next): the first match hides only
    // the first, so masking repeats until nothing is left to mask.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.pattern.lastIndex = 0;
      if (!this.pattern.test(shown)) break;
      shown = shown.replace(this.pattern, (secret) => this.masks.get(secret) ?? maskSecret(secret));
    }
    return shown;
  }

  /**
   * A copy of JSON-safe data with every string masked (object keys too). Parts without secrets are shared with
   * the input rather than copied, so a report with half a million strings costs one scan and few allocations.
   */
  value<T>(input: T, onMasked?: MaskedListener): T {
    if (!this.pattern) return input;
    return this.walk(input, [], onMasked) as T;
  }

  // The path is a stack of keys, joined only when a string changes: most strings hold no secret.
  private walk(input: unknown, path: (string | number)[], onMasked: MaskedListener | undefined): unknown {
    if (typeof input === 'string') {
      const shown = this.text(input);
      if (shown !== input) onMasked?.(path.join('/'), input);
      return shown;
    }
    if (typeof input !== 'object' || input === null || ArrayBuffer.isView(input)) return input;
    return Array.isArray(input)
      ? this.walkArray(input, path, onMasked)
      : this.walkObject(input as Record<string, unknown>, path, onMasked);
  }

  private walkArray(input: unknown[], path: (string | number)[], onMasked: MaskedListener | undefined): unknown[] {
    let copy: unknown[] | null = null;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      if (typeof item === 'number' || typeof item === 'boolean') continue;
      path.push(i);
      const shown = this.walk(item, path, onMasked);
      path.pop();
      if (shown !== item) {
        copy ??= input.slice();
        copy[i] = shown;
      }
    }
    return copy ?? input;
  }

  private walkObject(
    input: Record<string, unknown>,
    path: (string | number)[],
    onMasked: MaskedListener | undefined,
  ): Record<string, unknown> {
    let copy: Record<string, unknown> | null = null;
    for (const key in input) {
      if (!Object.hasOwn(input, key)) continue;
      const item = input[key];
      const shownKey = this.text(key);
      if (shownKey === key && (typeof item === 'number' || typeof item === 'boolean')) continue;
      path.push(key);
      const shown = this.walk(item, path, onMasked);
      path.pop();
      if (shown === item && shownKey === key) continue;
      copy ??= { ...input };
      if (shownKey !== key) delete copy[key];
      copy[shownKey] = shown;
    }
    return copy ?? input;
  }
}
