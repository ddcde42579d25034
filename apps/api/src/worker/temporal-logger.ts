import type { LoggerService } from '@nestjs/common';
import { DefaultLogger, type LogLevel, type LogMetadata, Runtime } from '@temporalio/worker';

/**
 * Routes the Temporal SDK's own log lines (worker state, bundling, workflow and activity logs) through the
 * process logger so that they come out structured like every other line. Installs once per process.
 */
export function installTemporalLogging(logger: LoggerService, minimum: LogLevel = 'INFO'): void {
  if (Runtime.instantiator !== undefined) return;
  const temporalLogger = new DefaultLogger(minimum, ({ level, message, meta }) => {
    write(logger, level, message, meta);
  });
  Runtime.install({ logger: temporalLogger });
}

function write(logger: LoggerService, level: LogLevel, message: string, meta: LogMetadata | undefined): void {
  const params = { ...meta };
  if (level === 'ERROR') logger.error(message, params);
  else if (level === 'WARN') logger.warn(message, params);
  else if (level === 'INFO') logger.log(message, params);
  else logger.debug?.(message, params);
}
