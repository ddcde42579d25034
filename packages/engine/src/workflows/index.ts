export { diagnosticsPing } from './diagnostics-ping.workflow';
