import { canonicalJson } from '../plan/canonical-json';
import { compileGraph } from '../plan/compile-graph';
import { EXIT, type CliIo, type ExitCode } from './cli-io';
import { campaignIdOf, readContext, requireFile } from './command-inputs';
import { diagnosticLines, diagnosticsReport, diagnosticsSummary } from './format-diagnostics';
import type { CliArgs } from './parse-cli-args';
import { readJsonFile } from './read-json-file';

/** `loa compile FILE [--json]`: the canonical plan and its content hash, or the errors. */
export function compileCommand(args: CliArgs, io: CliIo): ExitCode {
  const file = requireFile(args);
  const graph = readJsonFile(io, file);
  const identity = {
    campaignId: args.campaignId ?? campaignIdOf(file),
    versionId: args.versionId ?? 'local',
  };
  const result = compileGraph(graph, identity, readContext(args, io));
  if (!result.ok) {
    if (args.json) io.stdout(`${JSON.stringify(diagnosticsReport(result.diagnostics))}\n`);
    else
      io.stdout(
        [...diagnosticLines(file, result.diagnostics), diagnosticsSummary(file, result.diagnostics)].join(
          '\n',
        ) + '\n',
      );
    return EXIT.invalid;
  }
  const { plan } = result;
  if (args.json) {
    io.stdout(`${canonicalJson({ hash: plan.hash, plan })}\n`);
    return EXIT.ok;
  }
  const steps = Object.keys(plan.steps).length;
  io.stdout(
    [
      ...diagnosticLines(file, result.diagnostics),
      `${file}: compiled ${steps} step${steps === 1 ? '' : 's'}, entry ${plan.entryStepId}, trigger ${plan.trigger.type}`,
      `hash ${plan.hash}`,
    ].join('\n') + '\n',
  );
  return EXIT.ok;
}
