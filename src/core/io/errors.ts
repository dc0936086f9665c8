/** A malformed input: where it went wrong and why. Recorded as a diagnostic; analysis goes on. */
export class FormatError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}

export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** One thing an analyzer could not read, shown to the user next to what it could. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Which part of the analysis: "elf", "pe", "macho", "buildinfo", "pclntab", ... */
  source: string;
  message: string;
  /** File offset where the problem was found, when known. */
  offset?: number;
}

export function diagnosticFrom(source: string, error: unknown, level: DiagnosticLevel = 'error'): Diagnostic {
  if (error instanceof FormatError) return { level, source, message: error.message, offset: error.offset };
  throw error;
}

/**
 * Runs one analyzer: a FormatError becomes a diagnostic and `fallback` is returned; anything else is our bug and
 * is rethrown.
 */
export function guarded<T>(source: string, diagnostics: Diagnostic[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    diagnostics.push(diagnosticFrom(source, error));
    return fallback;
  }
}
