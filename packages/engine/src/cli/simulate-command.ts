import { simulate, type SimulationInput } from '../simulator/simulate';
import { CliUsageError, EXIT, type CliIo, type ExitCode } from './cli-io';
import { readContext, requireFile } from './command-inputs';
import { diagnosticLines, diagnosticsSummary } from './format-diagnostics';
import { simulationLines } from './format-simulation';
import type { CliArgs } from './parse-cli-args';
import { readJsonFile } from './read-json-file';

type Scenario = Omit<SimulationInput, 'graph' | 'context'>;
const SCENARIO_KEYS = ['contacts', 'events', 'outcomes', 'prices', 'startAt', 'until'] as const;

/** `loa simulate FILE --contacts FILE [--events FILE] [--outcomes FILE] [--start ISO] [--until …] [--json]`. */
export function simulateCommand(args: CliArgs, io: CliIo): ExitCode {
  const file = requireFile(args);
  const graph = readJsonFile(io, file);
  if (!args.contacts) throw new CliUsageError('simulate needs sample contacts: --contacts contacts.json');
  const sources: Record<string, string> = {};
  const scenario = scenarioFrom(io, args.contacts, 'contacts', sources);
  if (args.events) Object.assign(scenario, scenarioFrom(io, args.events, 'events', sources));
  if (args.outcomes) Object.assign(scenario, scenarioFrom(io, args.outcomes, 'outcomes', sources));
  if (args.start) scenario.startAt = args.start;
  if (args.until) scenario.until = args.until;

  const result = simulate({ ...(scenario as Scenario), graph, context: readContext(args, io) });
  const [problem, ...more] = result.inputErrors;
  if (problem) {
    const key = problem.path.split('.')[0];
    const origin =
      sources[key] ?? (key === 'startAt' ? '--start' : key === 'until' ? '--until' : args.contacts);
    const extra = more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : '';
    throw new CliUsageError(`${origin}: ${problem.path}: ${problem.message}${extra}`);
  }
  if (args.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (!result.ok)
    io.stdout(
      [...diagnosticLines(file, result.diagnostics), diagnosticsSummary(file, result.diagnostics)].join(
        '\n',
      ) + '\n',
    );
  else io.stdout(simulationLines(result).join('\n') + '\n');
  return result.ok ? EXIT.ok : EXIT.invalid;
}

/**
 * A scenario file holds either the bare list (contacts, events) or map (outcomes) its option names, or an object
 * with any of contacts, events, outcomes, prices, startAt and until.
 */
function scenarioFrom(
  io: CliIo,
  path: string,
  key: 'contacts' | 'events' | 'outcomes',
  sources: Record<string, string>,
): Record<string, unknown> {
  const value = readJsonFile(io, path);
  const bare = key === 'outcomes' ? !hasScenarioKeys(value) : Array.isArray(value);
  if (bare) {
    sources[key] = path;
    return { [key]: value };
  }
  if (!hasScenarioKeys(value))
    throw new CliUsageError(
      `${path} must hold a list of ${key}, or an object with ${SCENARIO_KEYS.join(', ')}`,
    );
  const picked = Object.fromEntries(
    SCENARIO_KEYS.filter((name) => name in (value as object)).map((name) => [
      name,
      (value as Record<string, unknown>)[name],
    ]),
  );
  for (const name of Object.keys(picked)) sources[name] = path;
  return picked;
}

function hasScenarioKeys(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    SCENARIO_KEYS.some((name) => name in (value as object))
  );
}
