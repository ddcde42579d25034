import { ConfigError, loadConfig } from './load-config';
import type { LoaConfig } from './loa-config';

/** Entry points stop on a bad environment with one clear line per offending variable, and exit code 78. */
export function loadConfigOrExit(): LoaConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
