// Bundled by workflow-bundling.test.ts: a deep `@loa/engine/...` import that only the tsconfig path aliases can
// resolve (the engine's package exports do not expose this file).
export { diagnosticsPing as aliasProbe } from '@loa/engine/workflows/diagnostics-ping.workflow';
