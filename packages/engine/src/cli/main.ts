import { CLI_HELP } from './cli-help';
import { CliUsageError, EXIT, nodeIo, type CliIo, type ExitCode } from './cli-io';
import { compileCommand } from './compile-command';
import { parseCliArgs, type CliArgs } from './parse-cli-args';
import { schemaCommand } from './schema-command';
import { simulateCommand } from './simulate-command';
import { validateCommand } from './validate-command';

const COMMAND_RUNNERS: Record<NonNullable<CliArgs['command']>, (args: CliArgs, io: CliIo) => ExitCode> = {
  validate: validateCommand,
  compile: compileCommand,
  simulate: simulateCommand,
  schema: schemaCommand,
};

/** `loa …`: returns the exit code; expected failures print one line on stderr. */
export function runCli(argv: string[], io: CliIo = nodeIo): ExitCode {
  try {
    const args = parseCliArgs(argv);
    if (args.help || !args.command) {
      (args.help ? io.stdout : io.stderr)(CLI_HELP);
      return args.help ? EXIT.ok : EXIT.unusable;
    }
    return COMMAND_RUNNERS[args.command](args, io);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr(`loa: ${error.message}\n`);
    return EXIT.unusable;
  }
}
