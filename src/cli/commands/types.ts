import type { ParsedArgs } from '../args';

/** One CLI command: usage line, the flags that take values, and the run function returning the exit code. */
export interface Command {
  usage: string;
  valued: readonly string[];
  run(args: ParsedArgs): Promise<number>;
}
