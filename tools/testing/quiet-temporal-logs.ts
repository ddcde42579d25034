import { DefaultLogger, Runtime } from '@temporalio/worker';

// Test output shows the Temporal SDK's warnings and errors only; its info lines (worker state changes) are noise.
if (Runtime.instantiator === undefined) Runtime.install({ logger: new DefaultLogger('WARN') });
