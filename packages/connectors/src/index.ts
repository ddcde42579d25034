export * from './contract/channel-connector';
export * from './contract/correlation-id';
export * from './contract/send-outcome';
export * from './http/http-client';
export * from './phone/normalize-phone';
export * from './zalo';
