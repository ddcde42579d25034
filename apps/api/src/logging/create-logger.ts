import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { LoaConfig } from '../config/loa-config';

const levelsFrom: Record<LoaConfig['log']['level'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** Keys whose values never reach a log line, at any depth of a structured parameter. */
export const REDACTED_KEYS = [
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'authorization',
  'encryptionKey',
  'key',
];

export function createLogger(log: LoaConfig['log'], context = 'Loa'): ConsoleLogger {
  return new ConsoleLogger(context, {
    json: log.format === 'json',
    colors: log.format === 'pretty',
    logLevels: levelsFrom[log.level],
    structuredParams: true,
    flattenParams: true,
    redact: REDACTED_KEYS,
  });
}
