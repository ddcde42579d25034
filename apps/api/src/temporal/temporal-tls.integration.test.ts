import { DIAGNOSTICS_PING_WORKFLOW, type DiagnosticsPingResult } from '@loa/engine';
import { testService, uniqueName } from '@loa/testing';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import request from 'supertest';
import type { LoaConfig } from '../config/loa-config';
import { createApp } from '../create-app';
import { TemporalCheck } from '../health/checks/temporal.check';
import { temporalHealthConnectionProvider } from '../health/temporal-health-connection';
import {
  createTestCertificateAuthority,
  type TestCertificateAuthority,
} from '../testing/test-certificate-authority';
import { testConfig } from '../testing/test-config';
import { startTlsTerminatingProxy, type TlsTerminatingProxy } from '../testing/tls-terminating-proxy';
import { createWorkerApp } from '../worker/create-worker-app';
import { TEMPORAL_CLIENT } from './temporal-client.module';
import { temporalConnectionOptions } from './temporal-connection-options';

const SERVER_NAME = 'temporal-frontend.loa.test';
const API_KEY = 'tls-test-api-key';
const MISSING_CERTIFICATE = 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE';

/**
 * The API's Temporal client and the worker's native connection, configured as an operator configures a remote
 * cluster (address, namespace, private CA, server name, mTLS client certificate, API key), against a TLS frontend.
 * The dev server serves plain gRPC only, so a TLS-terminating proxy (tls-terminating-proxy.ts) stands in front of it.
 */
describe('Temporal over TLS, configured from the environment', () => {
  let authority: TestCertificateAuthority;
  let strangers: TestCertificateAuthority;
  let frontend: TlsTerminatingProxy;

  /** The environment of an operator pointing at `frontend` with the private CA, before any test's changes. */
  const remoteEnv = (changes: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    TEMPORAL_ADDRESS: frontend.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TLS_CA_PATH: authority.certPath,
    TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
    TEMPORAL_TLS_CERT_PATH: authority.client.certPath,
    TEMPORAL_TLS_KEY_PATH: authority.client.keyPath,
    TEMPORAL_API_KEY: API_KEY,
    ...changes,
  });

  beforeAll(async () => {
    authority = createTestCertificateAuthority('Loa', SERVER_NAME);
    strangers = createTestCertificateAuthority('Stranger', SERVER_NAME);
    frontend = await startTlsTerminatingProxy({
      upstream: testService('temporalAddress'),
      cert: authority.server.cert,
      key: authority.server.key,
      clientCa: authority.cert,
      apiKey: API_KEY,
    });
  });

  afterAll(async () => {
    await frontend?.close();
  });

  it("runs a workflow started by the API's client on the worker, both through the TLS frontend", async () => {
    const config = testConfig(remoteEnv());
    const workerApp = await createWorkerApp(config);
    const api = await createApp(config);
    try {
      await api.init();
      const client = api.get<Client>(TEMPORAL_CLIENT);
      const workflowId = uniqueName('tls-ping');
      const result = await client.workflow.execute<
        (input: { echo: string }) => Promise<DiagnosticsPingResult>
      >(DIAGNOSTICS_PING_WORKFLOW, {
        taskQueue: config.temporal.taskQueue,
        workflowId,
        args: [{ echo: 'over TLS' }],
      });
      expect(result).toMatchObject({ echo: 'over TLS', workflowId });
      // The worker polled and the API started the workflow through the proxy, each call with the API key.
      expect(frontend.forwarded).toEqual(
        expect.arrayContaining([
          'WorkflowService/StartWorkflowExecution',
          'WorkflowService/PollWorkflowTaskQueue',
          'WorkflowService/RespondWorkflowTaskCompleted',
        ]),
      );
      const health = await request(api.getHttpServer()).get('/health');
      expect(health.body.checks.temporal).toMatchObject({ status: 'up' });
      expect(health.body.checks.worker).toMatchObject({ status: 'up' });
    } finally {
      await workerApp.close();
      await api.close();
    }
  });

  it('refuses a frontend whose certificate another CA signed, naming the certificate problem', async () => {
    const refused = await refusals(testConfig(remoteEnv({ TEMPORAL_TLS_CA_PATH: strangers.certPath })));
    expect(refused.worker).toMatch(/UnknownIssuer/);
    expect(refused.api).toMatch(/self-signed certificate in certificate chain/);
  });

  it("checks the frontend's certificate against TEMPORAL_TLS_SERVER_NAME, not the address's host", async () => {
    const refused = await refusals(testConfig(remoteEnv({ TEMPORAL_TLS_SERVER_NAME: '' })));
    expect(refused.worker).toMatch(/NotValidForName/);
    expect(refused.api).toMatch(/does not match certificate's altnames/);
  });

  it('is refused by a frontend requiring mutual TLS when no client certificate is configured', async () => {
    // Under TLS 1.3 the frontend refuses a missing client certificate after the client's side of the handshake is
    // done: the client reads the frontend's alert (CertificateRequired, "alert certificate required"), or only sees
    // the connection close when the close overtakes the alert. The frontend's own record says why it refused each.
    const refused = await refusals(
      testConfig(remoteEnv({ TEMPORAL_TLS_CERT_PATH: '', TEMPORAL_TLS_KEY_PATH: '' })),
      () => frontend.refusedHandshakes.length,
    );
    for (const client of ['worker', 'api'] as const) {
      expect(refused[client]).not.toBe('connected');
      const handshakes = frontend.refusedHandshakes.slice(...refused.handshakes[client]);
      expect(handshakes).toContain(MISSING_CERTIFICATE);
      // Every refusal of this client's handshakes was for the missing certificate (a closed socket after it aside).
      expect(handshakes.filter((code) => code !== MISSING_CERTIFICATE && code !== 'ECONNRESET')).toEqual([]);
    }
  });

  it('sends the API key as the authorization header: a wrong key is refused by the frontend', async () => {
    const refused = await refusals(testConfig(remoteEnv({ TEMPORAL_API_KEY: 'not-the-key' })));
    expect(refused.worker).toMatch(/missing or wrong API key in the authorization header/);
    expect(refused.api).toMatch(/UNAUTHENTICATED: missing or wrong API key in the authorization header/);
  });
});

/**
 * Why the worker cannot connect (its bootstrap's NativeConnection, loa-worker.host.ts) and what the API's health
 * report says about Temporal (the API starts whatever Temporal answers: its connections are lazy), and where each
 * one's attempts begin and end in a record that `mark` counts (the frontend's refused handshakes).
 */
async function refusals(
  config: LoaConfig,
  mark: () => number = () => 0,
): Promise<{ worker: string; api: string; handshakes: Record<'worker' | 'api', [number, number]> }> {
  const workerFrom = mark();
  const worker = await NativeConnection.connect(temporalConnectionOptions(config.temporal)).then(
    async (connection) => {
      await connection.close();
      return 'connected';
    },
    (error: Error) => error.message,
  );
  const apiFrom = mark();
  const connection = temporalHealthConnectionProvider.useFactory(config);
  try {
    const api = await new TemporalCheck(connection, config).run().then(
      () => 'connected',
      (error: Error) => error.message,
    );
    return { worker, api, handshakes: { worker: [workerFrom, apiFrom], api: [apiFrom, mark()] } };
  } finally {
    await connection.close();
  }
}
