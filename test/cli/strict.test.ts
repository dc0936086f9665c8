import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index';

// Strict arguments, through the built command line (npm run build) as a pipeline runs it.
function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/gobinscope.mjs', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FILE = 'test/fixtures/bin/linux-amd64';

describe('mistakes exit 2 with one line naming the nearest spelling', () => {
  for (const [args, message] of [
    [['anlyze', FILE], 'unknown command anlyze; did you mean analyze?'],
    [['reconcille', FILE], 'unknown command reconcille; did you mean reconcile?'],
    [['--verison'], 'unknown option --verison; did you mean --version?'],
    [['analyze', FILE, '--jsno'], 'unknown flag --jsno for analyze; did you mean --json?'],
    [['scan', FILE, '--fail-onn', 'high'], 'unknown flag --fail-onn for scan; did you mean --fail-on?'],
    [['report', FILE, '--fromat', 'md'], 'unknown flag --fromat for report; did you mean --format?'],
    [['sbom', FILE, '--jsno'], 'unknown flag --jsno for sbom; see gobinscope sbom --help'],
    [['compare', FILE, FILE, '--json=yes'], '--json takes no value'],
  ] as const) {
    it(args.join(' '), () => {
      const { code, stdout, stderr } = cli(...args);
      expect(stdout).toBe('');
      expect(stderr).toBe(`gobinscope: ${message}\n`);
      expect(code).toBe(2);
    });
  }
});

describe('--help', () => {
  for (const name of Object.keys(COMMANDS)) {
    it(`${name} --help, ${name} -h and help ${name} print its usage and exit 0`, async () => {
      const command = await COMMANDS[name]!();
      for (const args of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
      ]) {
        const { code, stdout } = cli(...args);
        expect(code).toBe(0);
        expect(stdout.startsWith(`usage: ${command.usage}\n`)).toBe(true);
        expect(stdout).toContain('3 internal error');
      }
    });
  }

  it('gobinscope --help lists every command and the four exit codes', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(stdout).toContain(`gobinscope ${name}`);
    for (const line of ['0 done', '1 findings', '2 bad input or usage', '3 internal error'])
      expect(stdout).toContain(line);
  });
});

describe('declarations', () => {
  it('every flag a usage line shows is declared, and every on/off flag is shown', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const command = await load();
      const shown = [...command.usage.matchAll(/(?:^|[\s[])--?([a-z][a-z-]*)/g)].map((m) => m[1]!);
      const declared = [...command.valued, ...command.booleans];
      for (const flag of shown) expect(declared, `${name} shows -${flag}`).toContain(flag);
      for (const flag of command.booleans) expect(shown, `${name} declares --${flag}`).toContain(flag);
    }
  });
});
