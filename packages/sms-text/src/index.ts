export * from './advertising-label';
export * from './prepare-sms-text';
export * from './sms-segments';
