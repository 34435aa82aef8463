import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes.ts';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParsedCommand<Options extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: Options }>>;

/** A command's flags and positionals; a flag it does not take is a UsageError with its usage. */
export function parseCommandArgs<const Options extends OptionsConfig>(args: string[], options: Options, usage: string): ParsedCommand<Options> {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}
