import type { Command } from './types';

/**
 * Every command of `gobinscope`, by name, loaded on demand: `analyze` should not pay for the SBOM validators or
 * the report renderer at start-up.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./analyze')).analyzeCommand,
  compare: async () => (await import('./compare')).compareCommand,
  report: async () => (await import('./report')).reportCommand,
  scan: async () => (await import('./scan')).scanCommand,
  sbom: async () => (await import('./sbom')).sbomCommand,
  reconcile: async () => (await import('./reconcile')).reconcileCommand,
  vulndb: async () => (await import('./vulndb')).vulndbCommand,
  verify: async () => (await import('./verify')).verifyCommand,
  serve: async () => (await import('../serve/command')).serveCommand,
};
