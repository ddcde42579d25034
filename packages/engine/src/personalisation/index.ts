export * from './personalisation-scope';
export * from './render-liquid';
export * from './vietnamese-filters';
