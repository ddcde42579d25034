// Journeys per second for trigger -> send -> exit on a local Temporal dev server, Loa's contactJourney versus a
// hand-written workflow making the same activity call, alternating in one run (DESIGN §11: ratio >= 0.8).
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { engineBenchPlan, engineOnlyRound, fakeActivities } from './support/engine-journeys';
import { round } from './support/measure';
import { runPool } from './support/run-pool';
import { devServerForBenchmark } from './support/temporal-dev-server';

const JOURNEYS_PER_ROUND = Number(process.env.LOA_BENCH_JOURNEYS ?? 400);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 5);
const CONCURRENCY = 100;
const TASK_QUEUE = `bench-journeys-${Date.now().toString(36)}`;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const plan = engineBenchPlan();
  const server = await devServerForBenchmark();
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: join(__dirname, 'support', 'bench-workflows.ts'),
    activities: fakeActivities(),
  });

  const loa = async (round: number) =>
    engineOnlyRound({
      client,
      taskQueue: TASK_QUEUE,
      plan,
      round: String(round),
      count: JOURNEYS_PER_ROUND,
      concurrency: CONCURRENCY,
    });
  const handWritten = async (round: number) =>
    timeRound((index) => {
      const workflowId = `baseline:${round}-${index}`;
      const step = plan.steps.zns;
      const input = {
        journey: {
          workspaceId: 'bench',
          campaignId: 'bench',
          versionId: 'v1',
          contactId: `c-${index}`,
          workflowId,
          entryKey: 'once',
        },
        stepId: 'zns',
        idempotencyKey: `${workflowId}:zns:1`,
        step,
      };
      return client.workflow.execute('handWrittenSend', { taskQueue: TASK_QUEUE, workflowId, args: [input] });
    });

  const results = await worker.runUntil(async () => {
    await loa(-1); // warm-up: bundle loaded, connections and caches hot
    await handWritten(-1);
    const rates = { loa: [] as number[], handWritten: [] as number[] };
    // Alternate which goes first, so that neither always runs on a server still busy with the other's history.
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        rates.handWritten.push(await handWritten(round));
        rates.loa.push(await loa(round));
      } else {
        rates.loa.push(await loa(round));
        rates.handWritten.push(await handWritten(round));
      }
    }
    return rates;
  });
  await connection.close();
  await nativeConnection.close();
  await server.stop();

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const loaRate = median(results.loa);
  const baselineRate = median(results.handWritten);
  console.log(
    JSON.stringify(
      {
        benchmark: 'journeys/s, trigger -> send -> exit, Temporal dev server',
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
        journeysPerRound: JOURNEYS_PER_ROUND,
        rounds: ROUNDS,
        concurrency: CONCURRENCY,
        loaJourneysPerSecond: results.loa.map((rate) => round(rate, 1)),
        handWrittenPerSecond: results.handWritten.map((rate) => round(rate, 1)),
        loaMedian: round(loaRate, 1),
        handWrittenMedian: round(baselineRate, 1),
        ratio: round(loaRate / baselineRate),
        target: 0.8,
        verdict: loaRate / baselineRate >= 0.8 ? 'meets target' : 'misses target',
      },
      null,
      2,
    ),
  );

  async function timeRound(start: (index: number) => Promise<unknown>): Promise<number> {
    const started = performance.now();
    await runPool(JOURNEYS_PER_ROUND, CONCURRENCY, start);
    return JOURNEYS_PER_ROUND / ((performance.now() - started) / 1000);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
