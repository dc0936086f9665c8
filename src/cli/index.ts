import { UsageError, flagName, nearest, parseArgs } from './args';
import { InputError } from './analyze-command';
import { COMMANDS } from './commands/index';
import type { Command } from './commands/types';
import { TOOL } from '../core/report/build';

/** What the exit status means, the same for every command. */
export const EXIT_CODES = [
  '0 done',
  '1 findings at or above --fail-on that no --baseline entry suppresses (scan), an invalid SBOM or a discrepancy at or above --fail-on (reconcile), or not verified (verify)',
  '2 bad input or usage: a missing or unreadable file (one inside a folder or an image too), a malformed --baseline file, an unknown command or flag, an -o that is an input',
  '3 internal error: a bug in gobinscope (please report it with the message), or the PDF printer failed',
];

const EXIT_TEXT = ['exit codes:', ...EXIT_CODES.map((line) => `  ${line}`)];

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'gobinscope — forensics for Go binaries',
    '',
    'usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '  gobinscope --version',
    '  gobinscope COMMAND --help',
    '',
    ...EXIT_TEXT,
  ].join('\n');
}

function commandUsage(command: Command): string {
  const flags = [
    ...command.valued.map((key) => `${flagName(key)} VALUE`),
    ...command.booleans.map(flagName),
    '-h, --help',
  ];
  return [`usage: ${command.usage}`, `flags: ${flags.join(', ')}`, ...EXIT_TEXT].join('\n');
}

/** Names the nearest command, or the nearest of --help and --version for a mistyped option. */
function unknownCommand(name: string): string {
  const option = name.startsWith('-');
  const near = option
    ? nearest(name.replace(/^--?/, ''), ['help', 'version'])
    : nearest(name, [...Object.keys(COMMANDS), 'help']);
  const hint = near === null ? 'see gobinscope --help' : `did you mean ${option ? `--${near}` : near}?`;
  return `unknown ${option ? 'option' : 'command'} ${name}; ${hint}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // `gobinscope help scan` is `gobinscope scan --help`.
  if (name === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0])) {
    process.stdout.write(commandUsage(await COMMANDS[rest[0]]!()) + '\n');
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await usage()) + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${TOOL.version}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new UsageError(unknownCommand(name));
  const command = await load();
  const args = parseArgs(rest, command, name);
  if (args.flags.has('help') || args.flags.has('h')) {
    process.stdout.write(commandUsage(command) + '\n');
    return 0;
  }
  return command.run(args);
}

// A reader that stops early (`| head`) closes the pipe: the output is no longer wanted, which is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

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
