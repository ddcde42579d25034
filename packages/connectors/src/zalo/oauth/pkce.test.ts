import { createHash } from 'node:crypto';
import { buildZaloConsentUrl } from './oauth.client';
import { codeChallengeFor, createOAuthState, createPkcePair } from './pkce';

describe('PKCE for Zalo OAuth v4', () => {
  it('makes a 43-character base64url verifier and its unpadded SHA-256 challenge', () => {
    const { codeVerifier, codeChallenge } = createPkcePair();
    expect(codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const expected = createHash('sha256')
      .update(codeVerifier)
      .digest('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(codeChallenge).toBe(expected);
    expect(codeChallenge).not.toContain('=');
  });

  it('matches the RFC 7636 example', () => {
    expect(codeChallengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('gives a fresh verifier and state each time', () => {
    expect(createPkcePair().codeVerifier).not.toBe(createPkcePair().codeVerifier);
    expect(createOAuthState()).not.toBe(createOAuthState());
  });

  it('builds the consent URL without code_challenge_method', () => {
    const url = new URL(
      buildZaloConsentUrl({
        account: { appId: '123', baseUrls: { oauth: 'https://oauth.zaloapp.com/v4', zns: '', oa: '' } },
        redirectUri: 'https://loa.example/zalo/callback',
        codeChallenge: 'abc',
        state: 's1',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://oauth.zaloapp.com/v4/oa/permission');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: '123',
      redirect_uri: 'https://loa.example/zalo/callback',
      code_challenge: 'abc',
      state: 's1',
    });
  });
});
