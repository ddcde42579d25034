import { zaloConnectErrorOf } from './zalo-connect-error';

describe('zaloConnectErrorOf', () => {
  it('knows the callback’s codes', () => {
    for (const code of ['access_denied', 'state_unknown', 'state_expired', 'wrong_oa', 'exchange_failed'])
      expect(zaloConnectErrorOf(code)).toBe(code);
  });

  it('reads anything else as the generic failure, and no parameter as no failure', () => {
    expect(zaloConnectErrorOf('<b>Call 0900 000 000 to fix your account</b>')).toBe('connect_failed');
    expect(zaloConnectErrorOf('')).toBe('connect_failed');
    expect(zaloConnectErrorOf('constructor')).toBe('connect_failed');
    expect(zaloConnectErrorOf(null)).toBeUndefined();
  });
});
