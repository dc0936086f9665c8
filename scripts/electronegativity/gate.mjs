// `npm run lint` runs this: @doyensec/electronegativity over the app's source, offline, and a failure for every
// finding that .electronegativity-allow.json does not list with a reason. The tool itself exits 0 whatever it
// finds, so the verdict comes from its SARIF output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFindings, electronVersion, sarifFindings, unexpectedNetwork } from './findings.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const input = option('--input', join(root, 'src'));
const allowFile = option('--allow', join(root, '.electronegativity-allow.json'));

// Needs the network by design (GitHub's release list); Electron upgrades are a dependency decision, not a lint.
const LEFT_OUT = ['AvailableSecurityFixesGlobalCheck'];

function run() {
  const dir = mkdtempSync(join(tmpdir(), 'gobinscope-electronegativity-'));
  try {
    const sarif = join(dir, 'results.sarif');
    const networkLog = join(dir, 'network.log');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
    if (!existsSync(cli)) return ['@doyensec/electronegativity is not installed: run `npm install`'];
    const args = ['--import', join(root, 'scripts/electronegativity/offline.mjs'), cli];
    args.push('-i', input, '-r', '-o', sarif, '-e', electronVersion(pkg), '-x', LEFT_OUT.join(','));
    const child = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, GOBINSCOPE_NETWORK_LOG: networkLog, LANG: 'en-US' },
    });
    if (child.status !== 0 || !existsSync(sarif)) {
      return [`electronegativity did not finish (exit ${child.status}): ${child.stderr.trim().split('\n').at(-1)}`];
    }
    const attempts = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
    const allow = JSON.parse(readFileSync(allowFile, 'utf8'));
    return [
      ...unexpectedNetwork(attempts),
      ...checkFindings(sarifFindings(JSON.parse(readFileSync(sarif, 'utf8'))), allow),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const problems = run();
if (problems.length > 0) {
  console.error(`electronegativity: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  ${problem}`);
  console.error('Fix the code, or list the finding in .electronegativity-allow.json with a one-line reason.');
  process.exit(1);
}
