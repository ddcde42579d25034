import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import {
  chooseVariant,
  compileGraph,
  journeyEnrollment,
  simulate,
  type CampaignGraph,
  type JourneyResult,
  type Plan,
  type SampleContactInput,
  type SplitStep,
} from '@loa/engine';
import { journeySteps, simulatedSteps } from '@loa/engine/workflows/testing/comparable-path';
import { BIRTHDAY_IN_DAYS, nextLocalTime } from '@loa/engine/workflows/testing/example-scenarios';
import { journeyEventSignal } from '@loa/engine/workflows/journey-messages';
import { resolveTime } from '@loa/engine/simulator/virtual-time';
import type { RunningSandbox } from '@loa/provider-sandbox';
import { connectTimeSkippingEnvironment, signalClearOfTimers } from '@loa/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  connectedSandboxOa,
  sandboxEsmsConfig,
  sandboxSmtpConfig,
  startZaloTestSandbox,
  TEST_PUBLIC_API_URL,
} from '../channels/zalo/testing/zalo-sandbox-kit';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { insertCampaign, insertVersion } from './testing/campaign-rows';
import {
  exampleCampaignNames,
  exampleGraph,
  scenariosOf,
  type ExampleScenario,
} from './testing/example-campaigns';
import { startRecordingServer, workerServicesContext } from './testing/journeys-test-context';
import { sandboxRecipe, seedExampleChannels, type SandboxRecipe } from './testing/sandbox-outcomes';
import { startTimeSkippingWorker, type TimeSkippingWorker } from './testing/time-skipping-worker';

/**
 * Issue 10 §4, one truth for simulator and runtime: every example campaign of packages/engine/examples (listed from
 * the directory: an example without sample scenarios fails here) runs through the simulator and through the
 * product, and the two paths must agree step by step (step, outcome and local minute), with the same exit reason
 * and conversion. The product here is the engine's contactJourney workflow on the Temporal time-skipping server
 * with every activity the worker binds (journey-activity-bindings.ts): sends through the send service, its ledger
 * and guards to the provider sandbox, contact reads and updates, conditions and journey records in PostgreSQL.
 * Each scenario (packages/engine/src/workflows/testing/example-scenarios.ts: the engine's sample contacts, events
 * and outcomes) gets a contact row, a published campaign version and addresses at which the sandbox answers the
 * scripted outcomes itself (a phone without Zalo: ZNS -118; a phone eSMS refuses: 99; a webhook answering 500).
 *
 * Limits: the journey is started at the moment the simulator says the contact enters (triggers, entry and
 * re-entry rules are the enrollment tests' concern), and events are signalled to it at their simulated moments.
 * What the simulator does not model is kept out of the way: contacts have consent on every channel, the OA user
 * follows and interacted now (OA windows), every scenario has addresses of its own (Decree 91 frequency caps count
 * per address over real time), the sandbox's ZNS night window is off, provider receipts are not awaited, a failing
 * webhook answers 400 (a 5xx is retried, later than the simulator says) and advertising SMS leave through a
 * SpeedSMS brand name (eSMS sends advertising only to 30 numbers at once). The send service reads workflow time
 * (time-skipping-worker.ts).
 */
describe('the simulator predicts the product, for every example campaign', () => {
  const examples = exampleCampaignNames();
  const cases: Array<{ example: string; name: string; scenario?: ExampleScenario }> = examples.flatMap(
    (example) => {
      const scenarios = scenariosOf(example);
      return scenarios.length > 0
        ? scenarios.map((scenario) => ({ example, name: scenario.name, scenario }))
        : [{ example, name: 'has sample scenarios' }];
    },
  );
  const graphs = new Map(examples.map((example) => [example, exampleGraph(example)]));
  /** Per scenario, how the sandbox answers its outcomes, or why it cannot (that scenario then fails). */
  const recipes = new Map<ExampleScenario, SandboxRecipe | Error>();

  let sandbox: RunningSandbox;
  let webhook: Awaited<ReturnType<typeof startRecordingServer>>;
  let app: INestApplication;
  let services: INestApplicationContext;
  let db: DataSource;
  let ws: TestWorkspace;
  let env: TestWorkflowEnvironment;
  let worker: TimeSkippingWorker;
  let accounts: { oa: string; sms: string; advertisingSms: string; email: string; oaId: string };

  beforeAll(async () => {
    const nowMs = Date.now();
    sandbox = await startZaloTestSandbox({ znsNightWindow: false }, (seed) => {
      seedExampleChannels(seed, [...graphs.values()]);
      cases.forEach(({ example, scenario }, index) => {
        const graph = graphs.get(example);
        if (!scenario || !graph) return;
        try {
          const outcomes = scenario.outcomes ?? {};
          recipes.set(
            scenario,
            sandboxRecipe({ index, graph, contact: scenario.contact, outcomes, seed, nowMs }),
          );
        } catch (error) {
          recipes.set(scenario, error as Error);
        }
      });
    });
    webhook = await startRecordingServer((request) => ({
      // A 4xx fails the step at once; a 5xx would be retried (the simulator does not model retries).
      status: request.url.endsWith('/failure') ? 400 : 200,
      body: { ok: true },
    }));
    const config = testConfig({
      LOA_PUBLIC_API_URL: TEST_PUBLIC_API_URL,
      LOA_ZNS_TEMPLATE_SYNC_MINUTES: '0',
      LOA_HTTP_ALLOWED_HOSTS: '127.0.0.1',
    });
    app = await createApp(config);
    await app.init();
    db = app.get(DataSource);
    ws = await seedTestWorkspace(app);
    const oa = await connectedSandboxOa({ sandbox, ws });
    const created = async (kind: string, name: string, config: Record<string, unknown>) =>
      (await ws.as.admin.post('/channel-accounts').send({ kind, name, config }).expect(201)).body
        .id as string;
    accounts = {
      oa,
      oaId: sandbox.seed.zalo[0].oas[0].oaId,
      sms: await created('esms', 'eSMS CSKH', sandboxEsmsConfig(sandbox)),
      advertisingSms: await created('speedsms', 'SpeedSMS QC', {
        accessToken: sandbox.seed.speedsms[0].accessToken,
        sender: 'LOASHOP',
        smsType: 3,
        baseUrl: sandbox.urls.speedsms,
      }),
      email: await created('smtp', 'Mail', sandboxSmtpConfig(sandbox)),
    };
    for (const recipe of recipes.values())
      if (!(recipe instanceof Error)) recipe.faults.forEach((fault) => sandbox.addFault(fault));
    await ws.as.admin.put('/secrets/shop-webhook-key').send({ value: 'k-webhook' }).expect(200);
    services = await workerServicesContext(config);
    env = await connectTimeSkippingEnvironment();
    worker = await startTimeSkippingWorker(env, services);
  }, 120_000);

  afterAll(async () => {
    // In order, each whatever the one before did: a worker that failed must not leave the test server running.
    for (const close of [
      () => worker?.stop(),
      () => env?.teardown(),
      () => services?.close(),
      () => app?.close(),
      () => webhook?.close(),
      () => sandbox?.close(),
    ])
      await Promise.resolve()
        .then(close)
        .catch((error: unknown) => console.error(error));
  });

  it.each(cases)('$example: $name', async ({ example, scenario }) => {
    if (!scenario)
      throw new Error(
        `${example} has no sample scenario: add its contacts, events and outcomes to ` +
          'packages/engine/src/workflows/testing/example-scenarios.ts',
      );
    const recipe = recipes.get(scenario);
    const drawn = graphs.get(example);
    if (!recipe || !drawn) throw new Error(`${example}: no graph or recipe`);
    if (recipe instanceof Error) throw new Error(`${example} / ${scenario.name}: ${recipe.message}`);
    const graph = onSandbox(structuredClone(drawn), scenario, recipe);
    const campaignId = await insertCampaign(db, {
      workspaceId: ws.workspaceId,
      name: `${example}: ${scenario.name}`,
    });
    const versionId = randomUUID();
    const compiled = compileGraph(graph, { campaignId, versionId });
    if (!compiled.ok) throw new Error(`${example} does not compile on the sandbox accounts`);
    const { plan } = compiled;
    await insertVersion(db, { workspaceId: ws.workspaceId, campaignId, version: 1, plan, id: versionId });
    const { timezone } = plan.settings;
    const startMs = nextLocalTime(await env.currentTimeMs(), scenario.startsAt, timezone);

    const contact = sampleContact(scenario, recipe, startMs, timezone);
    contact.id = await insertContact(contact, plan);
    const events = (scenario.events ?? []).map((event) => ({ ...event, contactId: contact.id }));
    const simulation = simulate({
      graph,
      contacts: [contact],
      events,
      outcomes: scenario.outcomes ?? {},
      startAt: new Date(startMs).toISOString(),
    });
    expect(simulation.inputErrors).toEqual([]);
    const [simulated] = simulation.contacts;
    expect(simulated.entered).toBe(true);
    const entryMs = Date.parse(simulated.enteredAt ?? '');

    // The product: the journey starts when the simulator says the contact enters; events come at the same moments.
    await skipTo(entryMs);
    const entryEvent = contact.entryEvent && {
      id: await insertEvent(
        contact.id,
        contact.entryEvent.name,
        contact.entryEvent.properties ?? {},
        entryMs,
      ),
      name: contact.entryEvent.name,
      properties: contact.entryEvent.properties ?? {},
      occurredAt: new Date(entryMs).toISOString(),
    };
    const enrollment = journeyEnrollment({
      workspaceId: ws.workspaceId,
      plan,
      contactId: contact.id,
      entryEvent,
    });
    const handle = await env.client.workflow.start<
      (input: typeof enrollment.input) => Promise<JourneyResult>
    >('contactJourney', {
      taskQueue: worker.taskQueue,
      workflowId: enrollment.workflowId,
      args: [enrollment.input],
    });
    for (const event of events) {
      const atMs = resolveTime(event.at, { baseMs: entryMs, timezone });
      await skipTo(atMs);
      if ((await handle.describe()).status.name !== 'RUNNING') break;
      await signalClearOfTimers(env, handle, journeyEventSignal, {
        id: await insertEvent(contact.id, event.name, event.properties ?? {}, atMs),
        name: event.name,
        properties: event.properties ?? {},
        occurredAt: new Date(atMs).toISOString(),
      });
    }
    const result = await handle.result();

    const product = [...journeySteps(result.path, timezone), `exit:${result.exitReason}`];
    const predicted = [
      ...simulatedSteps(simulated, {
        triggerNodeId: graph.nodes.find((node) => node.type.startsWith('trigger.'))?.id ?? '',
        entryStepId: plan.entryStepId,
        timezone,
      }),
      `exit:${simulated.exitReason}`,
    ];
    const where = `${example} / ${scenario.name} / contact ${contact.id} (${scenario.contact.id})`;
    expect(firstDifference(where, predicted, product)).toBeUndefined();
    expect({ where, converted: result.converted }).toEqual({ where, converted: simulated.converted });
    // What "where is this contact" shows: the journey's records in PostgreSQL are its path.
    expect(await storedSteps(campaignId, contact.id)).toEqual(
      result.path.map((step) => `${step.stepId}:${step.outcome}`),
    );
    // What the providers got: one message at the contact's addresses (its own) per step the journey says was sent.
    const addresses = [contact.phone, contact.email, contact.zaloUserId].filter((a) => a !== undefined);
    expect(addresses.flatMap((recipient) => sandbox.inbox({ recipient })).length).toBe(
      result.path.filter((step) => step.outcome === 'sent').length,
    );
  });

  /** The example on the workspace's sandbox accounts, its webhooks at the test server, as the scenario draws it. */
  function onSandbox(graph: CampaignGraph, scenario: ExampleScenario, recipe: SandboxRecipe): CampaignGraph {
    scenario.variant?.(graph);
    for (const node of graph.nodes) {
      const data = node.data as Record<string, unknown>;
      if (node.type === 'send.zns' || node.type === 'send.oa') data.accountId = accounts.oa;
      // Advertising SMS go out under a SpeedSMS brand name: eSMS sends advertising only to 30 numbers at once.
      if (node.type === 'send.sms')
        data.accountId = data.purpose === 'advertising' ? accounts.advertisingSms : accounts.sms;
      if (node.type === 'send.email') data.accountId = accounts.email;
      if (node.type === 'http.request') data.url = `${webhook.url}/${node.id}/${recipe.webhooks[node.id]}`;
      // A broadcast's schedule ends on a fixed date; once it has passed, nobody would enter.
      if (node.type === 'trigger.schedule') delete data.endsAt;
    }
    return graph;
  }

  /** The scenario's sample contact at its sandbox addresses, with consent on every channel. */
  function sampleContact(
    scenario: ExampleScenario,
    recipe: SandboxRecipe,
    startMs: number,
    timezone: string,
  ): SampleContactInput & { id: string } {
    const { phone: _phone, email: _email, zaloUserId: _zalo, ...rest } = scenario.contact;
    const attributes = { ...scenario.contact.attributes };
    if (scenario.example === 'birthday-voucher')
      attributes.birthday = DateTime.fromMillis(startMs, { zone: timezone })
        .plus({ days: BIRTHDAY_IN_DAYS })
        .set({ year: 1995 })
        .toISODate();
    return {
      ...rest,
      ...recipe.addresses,
      attributes,
      consents: { zns: 'granted', oa: 'granted', sms: 'granted', email: 'granted' },
    };
  }

  /**
   * The contact as a row; its id is the simulator's too. Where the campaign splits, a row whose id draws the same
   * variant as the scenario's sample id (the split hashes the contact id), so the scenario's branch is the one run.
   */
  async function insertContact(contact: SampleContactInput & { id: string }, plan: Plan): Promise<string> {
    const splits = Object.entries(plan.steps).filter(
      (entry): entry is [string, SplitStep] => entry[1].kind === 'split',
    );
    const variants = (id: string) =>
      splits.map(([stepId, step]) => chooseVariant(step, id, stepId).id).join();
    const { name, ...attributes } = contact.attributes ?? {};
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const created = await ws.as.admin
        .post('/contacts')
        .send({
          externalId: `${contact.id}-${randomUUID().slice(0, 8)}`,
          name,
          phone: contact.phone,
          email: contact.email,
          attributes,
          tags: { add: contact.tags ?? [] },
          doNotContact: contact.doNotContact ?? false,
          consents: Object.fromEntries(
            Object.entries(contact.consents ?? {}).map(([channel, state]) => [
              channel,
              { state, source: 'test' },
            ]),
          ),
          ...(contact.zaloUserId && {
            zalo: [{ oaId: accounts.oaId, userId: contact.zaloUserId, follower: true }],
          }),
        })
        .expect(201);
      const id = created.body.id as string;
      if (variants(id) === variants(contact.id)) return id;
      await db.query('DELETE FROM contacts WHERE id = $1', [id]);
    }
    throw new Error(`no contact id drew the variants of ${contact.id}`);
  }

  /** The event as ingestion stores it (templates read the entry event's properties from here). */
  async function insertEvent(
    contactId: string,
    name: string,
    properties: Record<string, unknown>,
    atMs: number,
  ): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO events (id, workspace_id, message_id, type, name, contact_id, properties, timestamp)
       VALUES ($1, $2, $3, 'track', $4, $5, $6, $7)`,
      [id, ws.workspaceId, `m-${id}`, name, contactId, JSON.stringify(properties), new Date(atMs)],
    );
    return id;
  }

  async function storedSteps(campaignId: string, contactId: string): Promise<string[]> {
    const rows = (await db.query(
      `SELECT s.step_id, s.outcome FROM step_events s JOIN enrollments e ON e.id = s.enrollment_id
        WHERE e.campaign_id = $1 AND e.contact_id = $2 ORDER BY s.seq`,
      [campaignId, contactId],
    )) as Array<{ step_id: string; outcome: string }>;
    return rows.map((row) => `${row.step_id}:${row.outcome}`);
  }

  /** Lets the time-skipping server's clock run to `atMs` (timers of running journeys fire on the way). */
  async function skipTo(atMs: number): Promise<void> {
    const waitMs = atMs - (await env.currentTimeMs());
    if (waitMs > 0) await env.sleep(waitMs);
  }
});

/** The first step where the product's path leaves the simulator's, named; undefined when they agree. */
function firstDifference(where: string, predicted: string[], product: string[]): string | undefined {
  for (let index = 0; index < Math.max(predicted.length, product.length); index += 1)
    if (predicted[index] !== product[index])
      return (
        `${where}: step ${index + 1} differs: simulator ${predicted[index] ?? '(nothing)'}, ` +
        `product ${product[index] ?? '(nothing)'}\n  simulator: ${predicted.join(' → ')}\n` +
        `  product:   ${product.join(' → ')}`
      );
  return undefined;
}
