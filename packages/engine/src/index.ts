export * from './diagnostics/diagnostics-activities';
