export * from './sandbox.types';
export { startSandbox } from './start-sandbox';
export { defaultSeed } from './state/default-seed';
