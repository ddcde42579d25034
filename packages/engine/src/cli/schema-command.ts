import { campaignGraphJsonSchema } from '../graph/json-schema';
import { CliUsageError, EXIT, type CliIo, type ExitCode } from './cli-io';
import type { CliArgs } from './parse-cli-args';

/** `loa schema [--out FILE]`: the JSON Schema of campaign graphs, for editors and files. */
export function schemaCommand(args: CliArgs, io: CliIo): ExitCode {
  const text = `${JSON.stringify(campaignGraphJsonSchema(), null, 2)}\n`;
  if (!args.out) {
    io.stdout(text);
    return EXIT.ok;
  }
  try {
    io.writeFile(args.out, text);
  } catch (error) {
    throw new CliUsageError(`cannot write ${args.out}: ${(error as Error).message}`);
  }
  return EXIT.ok;
}
