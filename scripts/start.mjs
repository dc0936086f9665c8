// `npm start`: opens the desktop app. Electron's binary is fetched on first start where GitHub is reachable; where
// it cannot be, say so in one line and point at serve mode.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronMissingReason, findElectron } from './electron-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let electron = findElectron();
if (!electron) {
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { cwd: root, stdio: 'ignore' });
  electron = findElectron();
}
if (!electron) {
  console.error(`${electronMissingReason()}: use the browser instead with \`npx gobinscope serve [FILE...]\`.`);
  process.exit(1);
}
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
