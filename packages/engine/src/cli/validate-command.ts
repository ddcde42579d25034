import { hasErrors } from '../validation/diagnostics';
import { validateGraph } from '../validation/validate-graph';
import { EXIT, type CliIo, type ExitCode } from './cli-io';
import { diagnosticLines, diagnosticsReport, diagnosticsSummary } from './format-diagnostics';
import type { CliArgs } from './parse-cli-args';
import { readContext, requireFile } from './command-inputs';
import { readJsonFile } from './read-json-file';

/** `loa validate FILE [--json]`. */
export function validateCommand(args: CliArgs, io: CliIo): ExitCode {
  const file = requireFile(args);
  const graph = readJsonFile(io, file);
  const diagnostics = validateGraph(graph, readContext(args, io));
  if (args.json) io.stdout(`${JSON.stringify(diagnosticsReport(diagnostics))}\n`);
  else
    io.stdout(
      [...diagnosticLines(file, diagnostics), diagnosticsSummary(file, diagnostics)].join('\n') + '\n',
    );
  return hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
}
