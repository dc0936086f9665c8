// Bundles the command line and its analysis worker into out/cli (ESM, Node 20). The renderer it serves comes from
// the electron-vite build in out/renderer.
import { build } from 'esbuild';

await build({
  entryPoints: {
    gobinscope: 'src/cli/index.ts',
    worker: 'src/host/worker.ts',
    'verify-worker': 'src/host/verify-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  // Commands load their modules on demand; shared code goes to chunks.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Runtime libraries (CycloneDX, ajv, xmllint's WebAssembly) load from node_modules as they are, like the app's main.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
