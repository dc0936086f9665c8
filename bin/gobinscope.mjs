#!/usr/bin/env node
// The CLI entry: the bundled command line built by `npm run build` (run automatically by npm install).
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/gobinscope.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('gobinscope: the command line is not built yet: run `npm run build` in the project folder\n');
  process.exit(2);
}
await import(entry.href);
