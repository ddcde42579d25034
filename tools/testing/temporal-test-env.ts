import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testService } from './test-services';
import { startTimeSkippingServer } from './time-skipping-server';

type EnvironmentFactory = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    namespace: string;
    supportsTimeSkipping: boolean;
  }): Promise<TestWorkflowEnvironment>;
};

/**
 * A TestWorkflowEnvironment on a time-skipping test server of its own, stopped by its `teardown()`. The server is
 * started here rather than by the SDK, because the SDK's downloader cannot reach the internet here and its start-up
 * limit is too short on 2 cores. The public createFromExistingServer() always assumes a server without time
 * skipping; the factory behind it takes the flag, so it is called directly. Pinned SDK version: revisit on upgrade.
 */
export async function connectTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const server = await startTimeSkippingServer();
  const factory = TestWorkflowEnvironment as unknown as EnvironmentFactory;
  let env: TestWorkflowEnvironment;
  try {
    env = await factory.create.call(TestWorkflowEnvironment, {
      server: { type: 'existing' },
      address: server.address,
      namespace: 'default',
      supportsTimeSkipping: true,
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const closeConnections = env.teardown.bind(env);
  env.teardown = async () => {
    try {
      await closeConnections();
    } finally {
      await server.stop();
    }
  };
  return env;
}

/** A TestWorkflowEnvironment on the run's Temporal dev server: real time, full server features. */
export function connectDevServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testService('temporalAddress') });
}
