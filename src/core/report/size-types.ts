// Bytes per package and module, part of the Report (types.ts re-exports them).

/** Bytes of one package or module, per section ("__TEXT,__text" for Mach-O), and in all. */
export interface SizeEntry {
  path: string;
  total: number;
  sections: Record<string, number>;
}

export interface SizeReport {
  /** Every measured section: attributed + unattributed = size, exactly. */
  sections: { name: string; size: number; attributed: number; unattributed: number }[];
  /** Largest first. `module` is the module the package belongs to, when known. */
  packages: (SizeEntry & { module: string | null })[];
  modules: (SizeEntry & { packages: number })[];
}
