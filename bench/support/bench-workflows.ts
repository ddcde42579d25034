// The worker of the journey benchmark runs Loa's workflows and the hand-written baseline side by side.
export * from '../../packages/engine/src/workflows';
export * from './baseline.workflow';
