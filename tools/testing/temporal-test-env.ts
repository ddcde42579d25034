import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testService } from './test-services';

type EnvironmentFactory = {
  create(options: {
    server: { type: 'existing' };
    address: string;
    namespace: string;
    supportsTimeSkipping: boolean;
  }): Promise<TestWorkflowEnvironment>;
};

/**
 * A TestWorkflowEnvironment on the run's time-skipping test server (started by the global setup, because the
 * SDK's own downloader cannot reach the internet here and its start-up limit is too short on 2 cores).
 * The public createFromExistingServer() always assumes a server without time skipping; the factory behind it
 * takes the flag, so it is called directly. Pinned SDK version: revisit on upgrade.
 */
export function connectTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const factory = TestWorkflowEnvironment as unknown as EnvironmentFactory;
  return factory.create.call(TestWorkflowEnvironment, {
    server: { type: 'existing' },
    address: testService('timeSkippingAddress'),
    namespace: 'default',
    supportsTimeSkipping: true,
  });
}

/** A TestWorkflowEnvironment on the run's Temporal dev server: real time, full server features. */
export function connectDevServerEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testService('temporalAddress') });
}
