import { randomBytes } from 'node:crypto';
import { testService, uniqueName } from '@loa/testing';
import { loadConfig } from '../config/load-config';
import type { LoaConfig } from '../config/loa-config';

/**
 * A configuration pointing at this test run's real services (global setup), with a task queue of its own.
 * `env` overrides or adds environment variables, exactly as an operator would set them.
 */
export function testConfig(env: NodeJS.ProcessEnv = {}): LoaConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: testService('databaseUrl'),
    REDIS_URL: testService('redisUrl'),
    LOA_REDIS_PREFIX: testService('redisPrefix'),
    TEMPORAL_ADDRESS: testService('temporalAddress'),
    TEMPORAL_TASK_QUEUE: uniqueName('api-test'),
    LOA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Every line is written, and watched for seeded secrets (secret-watch.ts), which shows only warnings and errors.
    LOA_LOG_LEVEL: 'debug',
    ...env,
  });
}
