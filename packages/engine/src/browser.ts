// Browser-safe entry point for apps/builder: no Node built-ins, no Temporal, no server code.
export * from './graph/common.schema';
export * from './graph/graph.schema';
export * from './graph/json-schema';
export * from './graph/node-catalogue';
export * from './graph/nodes/action-nodes.schema';
export * from './graph/nodes/branch-nodes.schema';
export * from './graph/nodes/send-nodes.schema';
export * from './graph/nodes/trigger-nodes.schema';
export * from './graph/nodes/wait-nodes.schema';
export * from './graph/settings.schema';
export * from './validation';
export * from './plan/compile-graph';
export * from './plan/plan.types';
export * from './simulator/simulate';
export * from './simulator/simulation-input.schema';
export * from './simulator/simulation-result.types';
export { smsLength, type SmsLength } from '@loa/sms-text';
export * from './personalisation';
