export * from './sandbox.types';
