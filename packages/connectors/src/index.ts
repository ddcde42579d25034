export * from './phone/normalize-phone';
