import type { CampaignGraph } from '@loa/engine';
import { exampleScenarios, type ExampleScenario } from '@loa/engine/workflows/testing/example-scenarios';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** packages/engine/examples: the example campaigns `loa` and the engine's tests run. */
const EXAMPLES_DIR = join(__dirname, '..', '..', '..', '..', '..', 'packages', 'engine', 'examples');

/** Every example campaign file's name (without `.json`), listed from the directory: a new file is included. */
export function exampleCampaignNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.sample.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

export function exampleGraph(name: string): CampaignGraph {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as CampaignGraph;
}

/**
 * The engine's sample contacts, events and outcomes for one example (the ones its simulator-matches-journey test
 * runs on scripted activities); none when the example has none yet.
 */
export function scenariosOf(example: string): ExampleScenario[] {
  return exampleScenarios.filter((scenario) => scenario.example === example);
}

export type { ExampleScenario };
