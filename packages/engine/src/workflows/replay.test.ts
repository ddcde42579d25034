import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflowCode, Worker, type ReplayResult } from '@temporalio/worker';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { workflowBundle } from './testing/journey-test-kit';
import { HISTORY_FIXTURES_DIR, historyOfFixture } from './testing/record-history';

/** Every recorded history (see __fixtures__/histories/README.md for how they are recorded). */
function recordedHistories(): Array<{ name: string; workflowId: string; history: unknown }> {
  if (!existsSync(HISTORY_FIXTURES_DIR)) return [];
  return readdirSync(HISTORY_FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const { workflowId, history } = JSON.parse(readFileSync(join(HISTORY_FIXTURES_DIR, file), 'utf8'));
      return { name: file.replace(/\.json$/, ''), workflowId, history: historyOfFixture(history) };
    });
}

async function replay(
  bundle: Awaited<ReturnType<typeof workflowBundle>>,
  histories: ReturnType<typeof recordedHistories>,
): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories))
    results.push(result);
  return results;
}

describe('replaying recorded workflow histories', () => {
  const histories = recordedHistories();

  it('has recorded histories of the journey, cohort and campaign run shapes', () => {
    expect(histories.map((history) => history.name)).toEqual(
      expect.arrayContaining([
        'welcome-series-vip',
        'example-welcome-series',
        'example-abandoned-cart',
        'example-zns-sms-fallback',
        'example-birthday-voucher',
        'example-ab-test-zns',
        'example-cod-order-confirmation-oa',
        'example-scheduled-broadcast',
        'abandoned-order-paid',
        'abandoned-order-timeout',
        'abandoned-order-goal-exit',
        'zns-sms-fallback',
        'ab-split-variant-a',
        'ab-split-variant-b',
        'quota-exhausted-then-sent',
        'paused-then-resumed',
        'continued-run-matches-buffered-event',
        'wait-key-from-entry-event',
        'campaign-run-paused-resumed-cancelled',
        'campaign-run-cohorts',
        'cohort-event-lets-one-go-on',
        'cohort-member-cancelled-paused-resumed',
        'cohort-item-retries-and-quota',
        'cohort-continued-as-new',
        'cohort-continued-run',
        'cohort-cancelled-old-code',
        'cohort-member-failed-alone-old-code',
        'cohort-refused-old-code',
      ]),
    );
  });

  it('replays every recorded history against the current workflow code', async () => {
    const results = await replay(await workflowBundle(), histories);
    expect(
      results.filter((result) => result.error).map((result) => `${result.workflowId}: ${result.error}`),
    ).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });

  it('replays a cohort recorded before cohorts continued as new as it ran, even when its input asks to continue', async () => {
    const recorded = histories.find((history) => history.name === 'cohort-event-lets-one-go-on');
    if (!recorded) throw new Error('fixture cohort-event-lets-one-go-on missing');
    // Due at its second activation, had the patch not kept this history's cohort from continuing as new.
    const history = withStartInput(recorded.history as temporal.api.history.v1.History, (input) => ({
      ...input,
      continueAfterHistoryEvents: 1,
    }));
    const [result] = await replay(await workflowBundle(), [{ ...recorded, history }]);
    expect(result?.error).toBeUndefined();
  });

  it('fails when the workflow code no longer matches a recorded history', async () => {
    const changed = await bundleWorkflowCode({
      workflowsPath: require.resolve('./testing/nondeterministic-workflows'),
      logger: {
        log: () => undefined,
        trace: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    });
    const [result] = await replay(
      changed,
      histories.filter((history) => history.name === 'welcome-series-vip'),
    );
    expect(result.error).toBeInstanceOf(DeterminismViolationError);
  });
});

/** The history with its workflow's start input changed (the first payload of the started event, JSON). */
function withStartInput(
  history: temporal.api.history.v1.History,
  change: (input: Record<string, unknown>) => Record<string, unknown>,
): temporal.api.history.v1.History {
  const copy = temporal.api.history.v1.History.decode(
    temporal.api.history.v1.History.encode(history).finish(),
  );
  const payload = copy.events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload?.data) throw new Error('The history has no start input');
  const input = JSON.parse(new TextDecoder().decode(payload.data)) as Record<string, unknown>;
  payload.data = new TextEncoder().encode(JSON.stringify(change(input)));
  return copy;
}
