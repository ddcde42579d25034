export * from './personalisation-scope';
export * from './liquid-syntax';
export * from './render-liquid';
export * from './vietnamese-filters';
