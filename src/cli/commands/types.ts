import type { FlagDeclaration, ParsedArgs } from '../args';

/**
 * One CLI command: usage line, every flag it takes (`valued` take a value, `booleans` are on or off; anything
 * else is refused), and the run function returning the exit code. A new flag is one more name in one of the lists.
 */
export interface Command extends FlagDeclaration {
  usage: string;
  run(args: ParsedArgs): Promise<number>;
}
