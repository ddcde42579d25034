import { connectTimeSkippingEnvironment, signalClearOfTimers, uniqueName } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignGraph } from '../graph/graph.schema';
import type { JourneyEvent } from '../journey/journey-contract';
import { compileGraph } from '../plan/compile-graph';
import { ContactTimeline } from '../simulator/contact-timeline';
import { simulate } from '../simulator/simulate';
import { sampleContactSchema, scriptedEventSchema } from '../simulator/simulation-input.schema';
import { resolveTime } from '../simulator/virtual-time';
import { journeyEventSignal } from './journey-messages';
import { journeySteps, simulatedSteps } from './testing/comparable-path';
import {
  BIRTHDAY_IN_DAYS,
  exampleScenarios,
  nextLocalTime,
  type ExampleScenario,
} from './testing/example-scenarios';
import { startCohort, startJourney, withWorker } from './testing/journey-test-kit';
import { cohortEventSignal } from './cohort-messages';
import { recordHistory } from './testing/record-history';
import { scriptedJourneyActivities } from './testing/scripted-journey-activities';

const examplesDir = join(__dirname, '..', '..', 'examples');

function exampleGraph(name: string): CampaignGraph {
  const graph = JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8')) as CampaignGraph;
  // The broadcast's schedule ends on a fixed date; when it has passed, nobody would enter and nothing be compared.
  for (const node of graph.nodes)
    if (node.type === 'trigger.schedule') delete (node.data as { endsAt?: string }).endsAt;
  return graph;
}

/** The scenario's contact, with a birthday the day after the start for the date trigger. */
function contactOf(scenario: ExampleScenario, startMs: number, timezone: string) {
  if (scenario.example !== 'birthday-voucher') return scenario.contact;
  const birthday = DateTime.fromMillis(startMs, { zone: timezone })
    .plus({ days: BIRTHDAY_IN_DAYS })
    .set({ year: 1995 })
    .toISODate();
  return { ...scenario.contact, attributes: { ...scenario.contact.attributes, birthday } };
}

describe('the simulator predicts the contactJourney workflow, for every example campaign', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('has scenarios for every example campaign', () => {
    const examples = new Set(exampleScenarios.map((scenario) => scenario.example));
    const campaigns = readdirSync(examplesDir)
      .filter((file) => file.endsWith('.json') && !file.endsWith('.sample.json'))
      .map((file) => file.replace(/\.json$/, ''));
    expect([...examples].sort()).toEqual(campaigns.sort());
  });

  it.each(exampleScenarios)('$example: $name', (scenario) => runScenario(env, scenario, 'journey'));
});

describe('the simulator predicts the cohortJourney workflow, for every example campaign', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await connectTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it.each(exampleScenarios)('$example: $name', (scenario) => runScenario(env, scenario, 'cohort'));
});

/**
 * Runs the scenario in the simulator and through the real workflow (a contactJourney, or a cohortJourney whose only
 * member is the scenario's contact) with the same contact, entry, events and provider outcomes, and compares them.
 */
async function runScenario(
  env: TestWorkflowEnvironment,
  scenario: ExampleScenario,
  runAs: 'journey' | 'cohort',
): Promise<void> {
  const graph = exampleGraph(scenario.example);
  scenario.variant?.(graph);
  const compiled = compileGraph(graph, {
    campaignId: uniqueName(scenario.example),
    versionId: 'v1',
  });
  if (!compiled.ok) throw new Error(`${scenario.example} does not compile`);
  const { plan } = compiled;
  const { timezone } = plan.settings;
  const startMs = nextLocalTime(await env.currentTimeMs(), scenario.startsAt, timezone);
  const contactInput = contactOf(scenario, startMs, timezone);
  const events = (scenario.events ?? []).map((event) => ({ ...event, contactId: contactInput.id }));

  const simulation = simulate({
    graph,
    contacts: [contactInput],
    events,
    outcomes: scenario.outcomes ?? {},
    startAt: new Date(startMs).toISOString(),
  });
  expect(simulation.inputErrors).toEqual([]);
  const [simulated] = simulation.contacts;
  expect(simulated.entered).toBe(true);

  // The same contact, entry, events (at the same moments) and provider outcomes, through the real workflow.
  const contact = sampleContactSchema.parse(contactInput);
  const entryMs = Date.parse(simulated.enteredAt ?? '');
  const entryProperties = contact.entryEvent?.properties ?? {};
  const timed = events
    .map((event) => scriptedEventSchema.parse(event))
    .map((event) => ({
      ...event,
      atMs: resolveTime(event.at, { baseMs: entryMs, timezone }),
      entry: false,
    }));
  const timeline = new ContactTimeline([
    {
      name: contact.entryEvent?.name ?? plan.trigger.type,
      properties: entryProperties,
      atMs: entryMs,
      entry: true,
    },
    ...timed,
  ]);
  const scripted = scriptedJourneyActivities({
    plan,
    contact,
    entryProperties,
    timeline,
    outcomes: scenario.outcomes ?? {},
  });
  const result = await withWorker(env, scripted.activities, async (taskQueue) => {
    await skipTo(env, entryMs);
    const entryEvent: JourneyEvent | undefined = contact.entryEvent && {
      id: 'evt-entry',
      name: contact.entryEvent.name,
      properties: entryProperties,
      occurredAt: new Date(entryMs).toISOString(),
    };
    const handle =
      runAs === 'journey'
        ? await startJourney(env, taskQueue, { plan, contactId: contact.id, entryEvent })
        : await startCohort(env, taskQueue, {
            plan,
            contactIds: [contact.id],
            ...(entryEvent && { entryEvents: { [contact.id]: entryEvent } }),
          });
    for (const [index, event] of timed.entries()) {
      await skipTo(env, event.atMs);
      if ((await handle.describe()).status.name !== 'RUNNING') break;
      const journeyEvent = {
        id: `evt-${index}`,
        name: event.name,
        properties: event.properties,
        occurredAt: new Date(event.atMs).toISOString(),
      };
      if (runAs === 'journey') await signalClearOfTimers(env, handle, journeyEventSignal, journeyEvent);
      else
        await signalClearOfTimers(env, handle, cohortEventSignal, {
          contactId: contact.id,
          event: journeyEvent,
        });
    }
    const outcome = await handle.result();
    if (scenario.recordAs && runAs === 'journey') await recordHistory(handle, scenario.recordAs);
    if ('path' in outcome) return outcome;
    // A cohort answers counts; its member's path is what it recorded.
    const [exitReason] = Object.keys(outcome.exitReasons);
    return { exitReason, converted: outcome.converted === 1, path: scripted.recordedEntries() };
  });

  expect({
    exitReason: result.exitReason,
    converted: result.converted,
    path: journeySteps(result.path, timezone),
  }).toEqual({
    exitReason: simulated.exitReason,
    converted: simulated.converted,
    path: simulatedSteps(simulated, {
      triggerNodeId: graph.nodes.find((node) => node.type.startsWith('trigger.'))?.id ?? '',
      entryStepId: plan.entryStepId,
      timezone,
    }),
  });
  expect(scripted.recordedEntries()).toEqual(result.path);
  const simulatedPath = simulated.path.map((step) => `${step.stepId}:${step.outcome}`);
  expect({
    exitReason: simulated.exitReason,
    through: simulatedPath,
    heldBy: simulated.path.flatMap((step) => step.deferredBy ?? []),
  }).toEqual({
    exitReason: scenario.exitReason,
    through: expect.arrayContaining(scenario.through ?? []),
    heldBy: scenario.heldBy ?? [],
  });
  if (scenario.converted !== undefined) expect(simulated.converted).toBe(scenario.converted);
}

/** Lets the time-skipping server's clock run to `atMs` (timers of running journeys fire on the way). */
async function skipTo(env: TestWorkflowEnvironment, atMs: number): Promise<void> {
  const waitMs = atMs - (await env.currentTimeMs());
  if (waitMs > 0) await env.sleep(waitMs);
}
