import { serveCommand } from '../serve/command';
import { analyzeCommand } from './analyze';
import { compareCommand } from './compare';
import { reportCommand } from './report';
import { scanCommand } from './scan';
import { reconcileCommand, sbomCommand } from './sbom';
import type { Command } from './types';

/** Every command of `gobinscope`, by name. */
export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  compare: compareCommand,
  report: reportCommand,
  scan: scanCommand,
  sbom: sbomCommand,
  reconcile: reconcileCommand,
  serve: {
    usage: 'gobinscope serve [FILE...] [--port N]   the app in a local browser, for machines without Electron',
    valued: ['port'],
    run: serveCommand,
  },
};
