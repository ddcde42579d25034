import { z } from 'zod';
import { isAllowListEntry } from '../journeys/http/outbound-address-policy';

const port = z.coerce.number().int().min(1).max(65535);
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const encryptionKey = z
  .string()
  .trim()
  .refine((value) => Buffer.from(value, 'base64').length === 32, {
    message: 'must be 32 random bytes encoded as base64 (generate one with: openssl rand -base64 32)',
  });

/** Environment variables read by the API and the worker; each key is the variable's name. */
export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOA_API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOA_API_PORT: port.default(3000),
  LOA_DATA_DIR: z.string().trim().min(1).default('.data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  LOA_PGLITE_DIR: optionalText,
  LOA_DATABASE_PREPARED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  LOA_API_RUNS_WORKER: z.enum(['auto', 'true', 'false']).default('auto'),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379'),
  LOA_REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]+$/, { message: 'may contain only letters, digits and _ . : -' })
    .default('loa'),
  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .regex(/^[^\s:]+:\d+$/, { message: 'must be host:port, for example 127.0.0.1:7233' })
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('loa-main'),
  TEMPORAL_TLS: booleanFlag.default(false),
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  /** The root CA that signed the frontend's certificate (a private CA); the system's roots are used when unset. */
  TEMPORAL_TLS_CA_PATH: optionalText,
  /** The name the frontend's certificate is checked against when it differs from TEMPORAL_ADDRESS's host. */
  TEMPORAL_TLS_SERVER_NAME: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, {
        message: 'must be a host name, for example temporal.internal',
      })
      .optional(),
  ),
  TEMPORAL_API_KEY: optionalText,
  LOA_ENCRYPTION_KEY: encryptionKey,
  /** Keys secrets were sealed with before the current one, comma-separated, until re-encrypted. */
  LOA_ENCRYPTION_PREVIOUS_KEYS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      )
      .pipe(z.array(encryptionKey)),
  ),
  LOA_BOOTSTRAP_ADMIN_EMAIL: optionalText.pipe(z.email({ message: 'must be an e-mail address' }).optional()),
  LOA_BOOTSTRAP_ADMIN_PASSWORD: optionalText.pipe(
    z
      .string()
      .min(10, { message: 'must be at least 10 characters' })
      .max(200, { message: 'must be at most 200 characters' })
      .optional(),
  ),
  LOA_BOOTSTRAP_WORKSPACE_NAME: optionalText,
  LOA_COOKIE_SECURE: booleanFlag.optional(),
  LOA_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  LOA_INGEST_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  LOA_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  /** The API's address as browsers and providers reach it (the Zalo OAuth redirect URI is built from it). */
  LOA_PUBLIC_API_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  /** Where the builder is served; the Zalo connect callback sends the admin back there. */
  LOA_BUILDER_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  /** Minutes between two syncs of every connected OA's ZNS templates; 0 turns the schedule off. */
  LOA_ZNS_TEMPLATE_SYNC_MINUTES: z.coerce.number().int().min(0).max(10_080).default(360),
  /** Days applied and ignored webhook receipts are kept after they were processed. */
  LOA_WEBHOOK_RECEIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Private addresses journeys' HTTP steps may reach (they reach only public ones otherwise): comma-separated host
   * names, IP addresses and CIDR ranges, e.g. `crm.internal,10.20.0.0/16,fd00::/8`.
   */
  LOA_HTTP_ALLOWED_HOSTS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine((entries) => entries.every(isAllowListEntry), {
        message: 'must list host names, IP addresses or CIDR ranges, comma-separated',
      }),
  ),
  /** Seconds the worker lets running activities finish on shutdown before cancelling them. */
  LOA_WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Seconds after shutdown began when the worker stops even if activities still run (more than the grace time). */
  LOA_WORKER_SHUTDOWN_FORCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Items of one cohort batch (a step's sends for a page of contacts) in flight at once, per worker. */
  LOA_COHORT_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /**
   * Whether the worker's workflow threads keep the Temporal SDK's promise hook, which records a stack trace for every
   * promise workflow code creates (the `__stack_trace` query, the UI's "Stack Trace" tab). Off by default: it is two
   * thirds of a cohort broadcast's workflow CPU.
   */
  LOA_WORKFLOW_STACK_TRACES: booleanFlag.default(false),
  LOA_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  LOA_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
});

export type Environment = z.infer<typeof environmentSchema>;
