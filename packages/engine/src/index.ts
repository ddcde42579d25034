export * from './diagnostics/diagnostics-activities';
export * from './validation';
