import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { ACCESS_TOKEN_TTL_SECONDS } from '../state/zalo-tokens';
import { OAUTH_ERRORS } from './oauth.errors';
import { pkceChallenge } from './pkce';

/** Zalo OAuth v4 for Official Accounts under /zalo-oauth/v4 (providers.md §1). */
export function registerZaloOauthRoutes(app: FastifyInstance, context: SandboxContext): void {
  /**
   * The consent page. The sandbox's admin consents at once and redirects to the callback with the code; `oa_id`
   * (a sandbox extension) picks the OA when the app has several.
   */
  app.get('/zalo-oauth/v4/oa/permission', async (request, reply) => {
    const query = asRecord(request.query);
    const zaloApp = context.state.directory.apps.get(stringField(query, 'app_id') ?? '');
    if (!zaloApp) return OAUTH_ERRORS.invalidApp();
    const redirectUri = stringField(query, 'redirect_uri');
    if (redirectUri !== zaloApp.redirectUri) return OAUTH_ERRORS.invalidRedirectUri();
    const oaId = stringField(query, 'oa_id') ?? zaloApp.oas[0]?.oaId;
    if (!oaId || !zaloApp.oas.some((oa) => oa.oaId === oaId)) return OAUTH_ERRORS.invalidApp();
    const code = context.state.tokens.issueCode({
      appId: zaloApp.appId,
      oaId,
      codeChallenge: stringField(query, 'code_challenge'),
      now: context.now(),
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('oa_id', oaId);
    const state = stringField(query, 'state');
    if (state !== undefined) target.searchParams.set('state', state);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/zalo-oauth/v4/oa/access_token', async (request) => {
    const body = asRecord(request.body);
    const now = context.now();
    const zaloApp = context.state.directory.apps.get(stringField(body, 'app_id') ?? '');
    if (!zaloApp) return OAUTH_ERRORS.invalidApp();
    if (request.headers['secret_key'] !== zaloApp.secretKey) return OAUTH_ERRORS.invalidSecret();
    const grantType = stringField(body, 'grant_type');
    const { tokens } = context.state;
    if (grantType === 'authorization_code') {
      const code = tokens.takeCode({ code: stringField(body, 'code') ?? '', appId: zaloApp.appId, now });
      if (!code) return OAUTH_ERRORS.invalidCode('Code is invalid, expired or already used');
      if (code.codeChallenge !== undefined) {
        const verifier = stringField(body, 'code_verifier');
        if (!verifier || pkceChallenge(verifier) !== code.codeChallenge) {
          return OAUTH_ERRORS.invalidCode('code_verifier does not match code_challenge');
        }
      }
      return tokenResponse(tokens.issuePair({ appId: zaloApp.appId, oaId: code.oaId, now }));
    }
    if (grantType === 'refresh_token') {
      const previous = tokens.takeRefreshToken({
        refreshToken: stringField(body, 'refresh_token') ?? '',
        appId: zaloApp.appId,
        now,
      });
      if (!previous) return OAUTH_ERRORS.invalidRefreshToken(context.options.zaloRefreshReuseCode);
      return tokenResponse(tokens.issuePair({ appId: zaloApp.appId, oaId: previous.oaId, now }));
    }
    return OAUTH_ERRORS.invalidGrant();
  });
}

function tokenResponse(pair: { accessToken: string; refreshToken: string }) {
  return {
    access_token: pair.accessToken,
    refresh_token: pair.refreshToken,
    expires_in: String(ACCESS_TOKEN_TTL_SECONDS),
  };
}
