import { intervalsOf, type SemverRange } from './versions';

/**
 * One Go vulnerability as the index keeps it: the parts of an OSV entry (go.dev/doc/security/vuln/database) that
 * matching needs. The standard library is the module "stdlib"; "toolchain" (the go command) is not in binaries.
 */
export interface VulnImport {
  path: string;
  /** Empty: every symbol of the package. */
  symbols: string[];
  goos: string[];
  goarch: string[];
}

export interface VulnAffected {
  module: string;
  ranges: SemverRange[];
  /** Empty: every package of the module. */
  imports: VulnImport[];
}

export interface VulnEntry {
  id: string;
  aliases: string[];
  summary: string;
  modified: string;
  withdrawn: string | null;
  affected: VulnAffected[];
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function importsOf(specific: Json | null): VulnImport[] {
  const imports = Array.isArray(specific?.['imports']) ? (specific!['imports'] as unknown[]) : [];
  return imports.flatMap((item) => {
    const entry = object(item);
    const path = text(entry?.['path']);
    if (!path) return [];
    return [
      { path, symbols: strings(entry!['symbols']), goos: strings(entry!['goos']), goarch: strings(entry!['goarch']) },
    ];
  });
}

function rangesOf(affected: Json): SemverRange[] {
  const ranges = Array.isArray(affected['ranges']) ? (affected['ranges'] as unknown[]) : [];
  return ranges.flatMap((item) => {
    const range = object(item);
    if (!range || range['type'] !== 'SEMVER' || !Array.isArray(range['events'])) return [];
    const events = (range['events'] as unknown[]).flatMap((e): { introduced?: string; fixed?: string }[] => {
      const event = object(e);
      if (typeof event?.['introduced'] === 'string') return [{ introduced: event['introduced'] }];
      if (typeof event?.['fixed'] === 'string') return [{ fixed: event['fixed'] }];
      return [];
    });
    return intervalsOf(events);
  });
}

function affectedOf(value: unknown): VulnAffected[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const affected = object(item);
    const pkg = object(affected?.['package']);
    if (!affected || !pkg || pkg['ecosystem'] !== 'Go' || typeof pkg['name'] !== 'string') return [];
    const module = pkg['name'];
    if (module === 'toolchain') return [];
    return [{ module, ranges: rangesOf(affected), imports: importsOf(object(affected['ecosystem_specific'])) }];
  });
}

/** An OSV entry, or null when the document is not one (no id, or nothing affected in the Go ecosystem). */
export function parseOsv(document: unknown): VulnEntry | null {
  const entry = object(document);
  const id = text(entry?.['id']);
  if (!entry || !id) return null;
  const affected = affectedOf(entry['affected']);
  if (affected.length === 0) return null;
  return {
    id,
    aliases: strings(entry['aliases']),
    summary: text(entry['summary']),
    modified: text(entry['modified']),
    withdrawn: typeof entry['withdrawn'] === 'string' ? entry['withdrawn'] : null,
    affected,
  };
}
