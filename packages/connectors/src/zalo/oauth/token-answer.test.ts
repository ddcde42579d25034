import { readZaloTokenAnswer } from './token-answer';

const issuedAt = Date.parse('2026-03-10T05:00:00Z');
const answerOf = (body: unknown, status = 200) =>
  readZaloTokenAnswer({ status, body: typeof body === 'string' ? body : JSON.stringify(body) }, issuedAt);
const pair = (lifetimeSeconds: number) => ({
  ok: true,
  pair: {
    accessToken: 'at',
    refreshToken: 'rt',
    issuedAt,
    accessTokenExpiresAt: issuedAt + lifetimeSeconds * 1000,
  },
});

describe('Zalo OAuth token answers', () => {
  it('reads the documented answer, expires_in as a string', () => {
    expect(answerOf({ access_token: 'at', refresh_token: 'rt', expires_in: '90000' })).toEqual(pair(90_000));
  });

  it.each([
    ['a missing expires_in', {}],
    ['a null expires_in', { expires_in: null }],
    ['an unreadable expires_in', { expires_in: 'soon' }],
    ['a zero expires_in', { expires_in: 0 }],
  ])(
    'a new pair with %s is kept (the refresh token it replaces is spent), valid for 25 hours',
    (_, extra) => {
      expect(answerOf({ access_token: 'at', refresh_token: 'rt', ...extra })).toEqual(pair(90_000));
    },
  );

  it('ignores fields it does not need', () => {
    expect(
      answerOf({
        access_token: 'at',
        refresh_token: 'rt',
        expires_in: 3600,
        refresh_token_expires_in: 7_776_000,
        error: 0,
        message: null,
        scope: ['oa.message'],
      }),
    ).toEqual(pair(3600));
  });

  it('reads an error whose wording fields are not text as the error it is', () => {
    expect(
      answerOf({ error: -14014, error_name: null, error_description: { vi: 'Refresh token không hợp lệ' } }),
    ).toEqual({
      ok: false,
      kind: 'oauth',
      code: -14014,
      reason: 'invalid_refresh_token',
      message: 'Zalo OAuth error -14014 (invalid_refresh_token)',
    });
    expect(answerOf({ error: '-14005', error_description: 'Invalid code' })).toMatchObject({
      kind: 'oauth',
      code: -14005,
      reason: 'invalid_code',
    });
  });

  it('an answer with no token pair and no error is not a pair', () => {
    for (const body of [
      '<html></html>',
      '{}',
      JSON.stringify({ access_token: 'at' }),
      JSON.stringify({ error: 0 }),
    ]) {
      expect(answerOf(body)).toMatchObject({ ok: false, kind: 'invalid_response' });
    }
  });
});
