// Bundles one TypeScript entry (a bench or the fuzz runner) into a Node ES module the scripts can run. The bundle
// sits inside the project, so its imports of packages resolve from node_modules.
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundle(entry, outDir) {
  const outfile = join(outDir, entry.replace(/\W+/g, '_') + '.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return outfile;
}
