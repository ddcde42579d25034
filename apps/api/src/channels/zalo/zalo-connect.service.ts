import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  buildZaloConsentUrl,
  connectZaloOa,
  createOAuthState,
  createPkcePair,
  ZaloOaClient,
} from '@loa/connectors';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { UserPrincipal } from '../../auth/principal';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { ProblemException } from '../../http/problem';
import { SecretBox } from '../../secrets/secret-box';
import { PostgresTokenStore } from './postgres-token-store';
import { describeZaloFailure } from './zalo-failure';
import { zaloConnectProblem } from './zalo-connect-error';
import { ZaloAccess, type ZaloOaHandle } from './zalo-access.service';
import { sha256Hex, zaloVerifierContext } from './zalo-token-row';
import { ZnsTemplatesService, type ZnsSyncResult } from './zns-templates.service';

/** How long an admin has to consent at Zalo before the request expires. */
export const CONSENT_TTL_MS = 10 * 60_000;
export const ZALO_CALLBACK_PATH = '/channel-accounts/zalo/callback';

interface PendingConsent {
  account_id: string;
  verifier_ciphertext: string;
  verifier_key_id: string;
  expires_at: Date;
}

export interface ZaloConnected {
  accountId: string;
  providerName: string;
  templates: ZnsSyncResult;
}

/**
 * Connects a Zalo OA by OAuth v4 with PKCE: `start` keeps a single-use state (its SHA-256) bound to the admin's
 * session with the sealed code verifier and answers Zalo's consent URL; `finish` (the callback, in the same
 * browser) consumes the state, exchanges the code, stores the pair sealed, reads the OA's name and marks the
 * account connected. A failed callback leaves the account as it was.
 */
@Injectable()
export class ZaloConnectService {
  private readonly logger = new Logger(ZaloConnectService.name);

  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly access: ZaloAccess,
    private readonly templates: ZnsTemplatesService,
    private readonly audit: AuditService,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  get redirectUri(): string {
    return `${this.config.zalo.publicApiUrl}${ZALO_CALLBACK_PATH}`;
  }

  async start(actor: UserPrincipal, accountId: string): Promise<{ url: string; expiresAt: string }> {
    const { account } = await this.access.forAccount(actor.workspaceId, accountId);
    const pkce = createPkcePair();
    const state = createOAuthState();
    const stateSha256 = sha256Hex(state);
    const sealed = this.box.seal(pkce.codeVerifier, zaloVerifierContext(stateSha256));
    const expiresAt = new Date(Date.now() + CONSENT_TTL_MS);
    await this.db.query(`DELETE FROM zalo_oauth_states WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO zalo_oauth_states (state_sha256, workspace_id, account_id, session_id, verifier_ciphertext,
                                      verifier_key_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        stateSha256,
        actor.workspaceId,
        accountId,
        actor.sessionId,
        sealed.ciphertext,
        sealed.keyId,
        expiresAt,
      ],
    );
    const url = buildZaloConsentUrl({
      account,
      redirectUri: this.redirectUri,
      codeChallenge: pkce.codeChallenge,
      state,
    });
    return { url, expiresAt: expiresAt.toISOString() };
  }

  async finish(
    actor: UserPrincipal,
    callback: { code?: string; state?: string; oa_id?: string },
  ): Promise<ZaloConnected> {
    if (!callback.state || !callback.code)
      throw zaloConnectProblem(
        400,
        'access_denied',
        'Zalo did not grant access (no code or state came back); start the connection again',
      );
    const stateSha256 = sha256Hex(callback.state);
    // Consumed only by the session that started it: someone else holding the state cannot burn it.
    const [consent] = (await this.db.query(
      `WITH taken AS (
         DELETE FROM zalo_oauth_states WHERE state_sha256 = $1 AND session_id = $2 AND workspace_id = $3
         RETURNING account_id, verifier_ciphertext, verifier_key_id, expires_at)
       SELECT * FROM taken`,
      [stateSha256, actor.sessionId, actor.workspaceId],
    )) as PendingConsent[];
    if (!consent)
      throw zaloConnectProblem(
        400,
        'state_unknown',
        'This connection request is unknown, already used or was started in another session; start it again',
      );
    try {
      return await this.connectConsented(
        actor,
        { code: callback.code, oaId: callback.oa_id },
        consent,
        stateSha256,
      );
    } catch (error) {
      // The builder returns the admin to the account the failed request was for.
      if (error instanceof ProblemException)
        throw new ProblemException(error.getStatus(), error.detail, {
          ...error.extra,
          accountId: consent.account_id,
        });
      throw error;
    }
  }

  private async connectConsented(
    actor: UserPrincipal,
    granted: { code: string; oaId?: string },
    consent: PendingConsent,
    stateSha256: string,
  ): Promise<ZaloConnected> {
    if (consent.expires_at.getTime() <= Date.now())
      throw zaloConnectProblem(400, 'state_expired', 'This connection request expired; start it again');
    const handle = await this.access.forAccount(actor.workspaceId, consent.account_id);
    const wantedOa = handle.account.oaId;
    if (granted.oaId && granted.oaId !== wantedOa) throw wrongOa(granted.oaId, wantedOa);
    const codeVerifier = this.box.open(
      { keyId: consent.verifier_key_id, ciphertext: consent.verifier_ciphertext },
      zaloVerifierContext(stateSha256),
    );
    let providerName = wantedOa;
    const connected = await connectZaloOa({
      account: handle.account,
      oauth: this.access.oauth,
      store: new PostgresTokenStore(this.db, this.box, handle.row.id, { evenWhenNotConnected: true }),
      code: granted.code,
      codeVerifier,
      confirm: async (pair) => {
        const profile = await new ZaloOaClient(this.access.http).profile({
          account: handle.account,
          accessToken: pair.accessToken,
        });
        if (profile.ok) {
          if (profile.data.oa_id !== wantedOa) throw wrongOa(profile.data.oa_id, wantedOa);
          providerName = profile.data.name;
          return undefined;
        }
        // Zalo named the OA in the callback: the connection stands even though its name could not be read.
        if (granted.oaId) return undefined;
        return {
          ok: false,
          kind: 'refused',
          message: `the OA that granted access could not be confirmed (${describeZaloFailure(profile)})`,
        };
      },
    });
    if (!connected.ok)
      throw zaloConnectProblem(
        502,
        'exchange_failed',
        `Zalo did not connect the OA: ${describeZaloFailure(connected)}`,
      );
    await this.db.query(
      `UPDATE channel_accounts SET status = 'connected', status_detail = NULL, provider_name = $2, updated_at = now()
        WHERE id = $1`,
      [handle.row.id, providerName],
    );
    await this.audit.record({
      workspaceId: actor.workspaceId,
      actor,
      action: 'channel_account.connected',
      targetKind: 'channel_account',
      targetId: handle.row.id,
      details: { oaId: wantedOa, providerName },
    });
    return { accountId: handle.row.id, providerName, templates: await this.syncTemplates(handle) };
  }

  /** The first template sync; the OA is connected whatever becomes of it, so a failure is recorded, not thrown. */
  private async syncTemplates(handle: ZaloOaHandle): Promise<ZnsSyncResult> {
    try {
      return await this.templates.syncAll(handle.row.workspace_id, handle.row.id);
    } catch (error) {
      this.logger.error('ZNS template sync after connecting failed', {
        accountId: handle.row.id,
        error: error instanceof Error ? error.message : String(error),
      });
      const detail = 'The templates could not be synced after connecting; sync them again';
      await this.db
        .query(`UPDATE channel_accounts SET zns_templates_sync_error = $2 WHERE id = $1`, [
          handle.row.id,
          detail,
        ])
        .catch(() => undefined);
      return { ok: false, detail };
    }
  }
}

function wrongOa(granted: string, wanted: string): ProblemException {
  return zaloConnectProblem(
    400,
    'wrong_oa',
    `Access was granted for OA ${granted}, but this account is OA ${wanted}; ` +
      'sign in to Zalo as an admin of the right OA and start again',
  );
}
