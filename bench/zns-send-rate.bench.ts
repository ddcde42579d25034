// ZNS sends per second: the provider sandbox hit directly by autocannon versus Loa's ZnsConnector (token manager,
// phone normalisation, pre-send checks, response classification) at the same concurrency over keep-alive, in
// alternating rounds of one run. DESIGN §11 / issue 4: connector rate / raw rate >= 0.5.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import {
  createHttpClient,
  isSent,
  zaloOaAccountSchema,
  ZnsConnector,
  type ZnsTemplateDetail,
} from '@loa/connectors';
import { percentile, round } from './support/measure';
import {
  sandboxZaloConfig,
  seededTokenManager,
  startSandboxProcess,
  templateData,
  type SandboxInfo,
} from './support/sandbox-client';
import { sandboxDirectRate } from './support/sandbox-direct';

const CONCURRENCY = 64;
const SECONDS = Number(process.env.LOA_BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.LOA_BENCH_ROUNDS ?? 3);
const TARGET_RATIO = 0.5;

function rawRate(info: SandboxInfo, round: number): Promise<number> {
  return sandboxDirectRate(info, {
    connections: CONCURRENCY,
    seconds: SECONDS,
    phonePrefix: '8491',
    trackingPrefix: `raw${round}`,
  });
}

async function connectorRate(info: SandboxInfo, round: number): Promise<number> {
  const http = createHttpClient({ connections: CONCURRENCY });
  const account = zaloOaAccountSchema.parse(sandboxZaloConfig(info));
  const tokens = await seededTokenManager(info, http);
  const connector = new ZnsConnector({ http, tokens });
  const template: ZnsTemplateDetail = {
    templateId: info.template.templateId,
    templateName: info.template.templateName,
    status: info.template.status,
    listParams: info.template.params,
    listButtons: [],
    price: Number(info.template.price),
  };
  let sequence = 0;
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const index = sequence++;
      const outcome = await connector.send({
        account,
        idempotencyKey: `bench:${round}:${index}`,
        message: {
          phone: `091${String(index % 10_000_000).padStart(7, '0')}`,
          templateId: template.templateId,
          templateData,
          template,
        },
      });
      if (isSent(outcome)) sent += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedSeconds = (performance.now() - started) / 1000;
  await http.close();
  if (failed > 0) throw new Error(`connector run had ${failed} failed sends`);
  return sent / elapsedSeconds;
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measured(
  label: string,
  sandboxPid: number,
  run: () => Promise<number>,
): Promise<{ rate: number; loadCpu: number; sandboxCpu: number }> {
  const load = process.cpuUsage();
  const sandboxBefore = cpuSecondsOf(sandboxPid);
  const started = performance.now();
  const rate = await run();
  const seconds = (performance.now() - started) / 1000;
  const loadUsage = process.cpuUsage(load);
  const loadCpu = (loadUsage.user + loadUsage.system) / 1e6 / seconds;
  const sandboxCpu = (cpuSecondsOf(sandboxPid) - sandboxBefore) / seconds;
  console.log(
    `  ${label}: ${round1(rate)} sends/s; CPU cores busy: load generator ${round(loadCpu, 2)}, sandbox ${round(sandboxCpu, 2)}`,
  );
  return { rate, loadCpu, sandboxCpu };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

async function main(): Promise<void> {
  const { child, info } = await startSandboxProcess();
  try {
    // Warm both paths (JIT, connection pools) before measuring.
    await rawRate({ ...info }, -1).catch(() => undefined);
    const raw: number[] = [];
    const connector: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      console.log(`round ${round + 1}`);
      raw.push((await measured('sandbox direct (autocannon)', child.pid!, () => rawRate(info, round))).rate);
      connector.push((await measured('ZnsConnector', child.pid!, () => connectorRate(info, round))).rate);
    }
    const ratio = median(connector) / median(raw);
    console.log(
      JSON.stringify({
        benchmark: 'zns-send-rate',
        concurrency: CONCURRENCY,
        secondsPerRound: SECONDS,
        rounds: ROUNDS,
        sandboxRawPerSecond: round1(median(raw)),
        connectorPerSecond: round1(median(connector)),
        ratio: round(ratio, 2),
        target: `>= ${TARGET_RATIO}`,
        pass: ratio >= TARGET_RATIO,
      }),
    );
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const round1 = (value: number) => round(value, 1);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
