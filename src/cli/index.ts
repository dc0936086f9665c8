import { UsageError, parseArgs } from './args';
import { InputError } from './analyze-command';
import { COMMANDS } from './commands/index';
import { TOOL } from '../core/report/build';

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'gobinscope — forensics for Go binaries',
    '',
    'usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '  gobinscope --version',
    '',
    'exit codes: 0 done, 1 findings or disagreement at the requested level, 2 bad input or usage',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`unknown command "${name}" (try gobinscope --help)`);
  const command = await load();
  return command.run(parseArgs(rest, command.valued));
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a long-running command (serve) that keeps the process alive.
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof InputError ||
      (error instanceof Error && error.name === 'VulnDbError')
    ) {
      process.stderr.write(`gobinscope: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `gobinscope: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    }
  },
);
