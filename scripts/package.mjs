// `npm run package [-- --platform=darwin --arch=arm64]`: the desktop app as a folder per platform in dist/, with
// the app in an asar archive and its Electron fuses set (scripts/package/fuses.mjs). Run `npm run build` first.
// @electron/packager downloads the matching Electron release from GitHub when it packages, not at install time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import packager from '@electron/packager';
import { EXECUTABLE, flipFusesHook } from './package/fuses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

// Only what the app runs: the built bundles, the icons, the runtime dependencies and package.json.
const KEEP = /^\/(out|resources|node_modules|package\.json)(\/|$)/;

if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('package: the app is not built yet: run `npm run build` first');
  process.exit(2);
}
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const platform = flag('platform') ?? process.platform;
const arch = flag('arch') ?? process.arch;
try {
  const folders = await packager({
    dir: root,
    out: join(root, 'dist'),
    name: 'Gobinscope',
    executableName: EXECUTABLE,
    electronVersion,
    platform,
    arch,
    asar: true,
    prune: true,
    overwrite: true,
    ignore: (path) => path !== '' && !KEEP.test(path),
    afterCopy: [flipFusesHook],
  });
  for (const folder of folders) console.log(`package: ${folder}`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`package: ${reason} (Electron ${electronVersion} for ${platform}-${arch} comes from GitHub)`);
  process.exit(1);
}
