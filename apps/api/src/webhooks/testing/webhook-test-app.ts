import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { freePort } from '@loa/testing';
import { defaultSeed, startSandbox, type RunningSandbox } from '@loa/provider-sandbox';
import { zaloEventSignature } from '@loa/provider-sandbox/webhooks/zalo-signature';
import { DataSource } from 'typeorm';
import { startAndConsent } from '../../channels/zalo/testing/zalo-sandbox-kit';
import { ZaloAccess } from '../../channels/zalo/zalo-access.service';
import { ZALO_CALLBACK_PATH } from '../../channels/zalo/zalo-connect.service';
import { createApp } from '../../create-app';
import { testConfig } from '../../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../../testing/test-workspace';

export const SANDBOX_APP_ID = '1000000000000000001';
export const SANDBOX_OA_ID = '2000000000000000001';
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-zalo-oa-webhook-secret';
export const SANDBOX_TWILIO_SID = 'AC00000000000000000000000000000001';
export const SANDBOX_TWILIO_TOKEN = 'sandbox-twilio-auth-token';

/** The API listening on a loopback port it knows as LOA_PUBLIC_API_URL, the provider sandbox, and a workspace. */
export interface WebhookTestBed {
  app: INestApplication;
  db: DataSource;
  ws: TestWorkspace;
  sandbox: RunningSandbox;
  publicUrl: string;
  close(): Promise<void>;
}

export async function startWebhookTestBed(env: Record<string, string> = {}): Promise<WebhookTestBed> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  // The sandbox's clock is the real one; ZNS night refusals would make the suite depend on the hour.
  const seed = defaultSeed();
  for (const zaloApp of seed.zalo) zaloApp.redirectUri = `${publicUrl}${ZALO_CALLBACK_PATH}`;
  const sandbox = await startSandbox({ seed, znsNightWindow: false, receiptDelayMs: 20 });
  const app = await createApp(testConfig({ LOA_PUBLIC_API_URL: publicUrl, ...env }));
  await app.listen(port, '127.0.0.1');
  const ws = await seedTestWorkspace(app);
  return {
    app,
    db: app.get(DataSource),
    ws,
    sandbox,
    publicUrl,
    close: async () => {
      await sandbox.close();
      await app.close();
    },
  };
}

export function zaloAccountConfig(sandbox: RunningSandbox) {
  return {
    appId: SANDBOX_APP_ID,
    appSecret: 'sandbox-zalo-app-secret',
    oaId: SANDBOX_OA_ID,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    baseUrls: { oauth: sandbox.urls.zaloOauth, zns: sandbox.urls.zns, oa: sandbox.urls.zaloOa },
  };
}

export function esmsAccountConfig(sandbox: RunningSandbox) {
  return {
    apiKey: 'sandbox-esms-api-key',
    secretKey: 'sandbox-esms-secret-key',
    brandname: 'SANDBOX',
    smsType: 'care',
    baseUrl: sandbox.urls.esms,
  };
}

export function twilioAccountConfig(sandbox: RunningSandbox) {
  return {
    accountSid: SANDBOX_TWILIO_SID,
    authToken: SANDBOX_TWILIO_TOKEN,
    from: 'SANDBOX',
    baseUrl: sandbox.urls.twilio,
  };
}

/** Creates a channel account as the admin; answers its view (id, webhookUrl...). */
export async function createAccount(
  bed: WebhookTestBed,
  kind: 'zalo_oa' | 'esms' | 'twilio',
  config: Record<string, unknown>,
): Promise<{ id: string; webhookUrl: string | null }> {
  const created = await bed.ws.as.admin
    .post('/channel-accounts')
    .send({ kind, name: `${kind} ${randomUUID().slice(0, 8)}`, config })
    .expect(201);
  return created.body as { id: string; webhookUrl: string | null };
}

/** Connects a Zalo OA account through the sandbox's OAuth consent (which also syncs its ZNS templates). */
export async function connectZaloAccount(bed: WebhookTestBed, accountId: string): Promise<void> {
  const callback = await startAndConsent(bed.ws.as.admin, accountId);
  await bed.ws.as.admin.get(callback).expect(200);
}

/** The connected OA's current access token (connecting replaced the sandbox's seeded one). */
export async function zaloAccessToken(bed: WebhookTestBed, accountId: string): Promise<string> {
  const token = await bed.app
    .get(ZaloAccess)
    .withAccessToken(bed.ws.workspaceId, accountId, async (accessToken) => accessToken);
  if (!token.ok) throw new Error('the OA has no access token');
  return token.value;
}

/** A ledger row as the send service writes it. */
export async function insertLedgerRow(
  db: DataSource,
  row: {
    workspaceId: string;
    accountId: string;
    channel: 'zns' | 'zalo_oa' | 'sms';
    status?: string;
    correlationId?: string;
    providerMessageId?: string;
    templateRef?: string;
    billableUnits?: number;
    cost?: number;
    costCurrency?: string;
  },
): Promise<string> {
  const [inserted] = (await db.query(
    `INSERT INTO messages (workspace_id, idempotency_key, channel, purpose, account_id, recipient, template_ref,
                           correlation_id, provider_message_id, status, sent_at, billable_units, cost, cost_currency)
     VALUES ($1, $2, $3, 'transactional', $4, '84900000011', $5, $6, $7, $8,
             CASE WHEN $8 = 'sending' THEN NULL ELSE now() END, $9, $10, $11)
     RETURNING id`,
    [
      row.workspaceId,
      randomUUID(),
      row.channel,
      row.accountId,
      row.templateRef ?? null,
      row.correlationId ?? null,
      row.providerMessageId ?? null,
      row.status ?? 'sent',
      row.billableUnits ?? null,
      row.cost ?? null,
      row.costCurrency ?? null,
    ],
  )) as Array<{ id: string }>;
  return inserted!.id;
}

export interface LedgerRowView {
  status: string;
  sent_at: Date | null;
  delivered_at: Date | null;
  seen_at: Date | null;
  failed_at: Date | null;
  error_code: string | null;
  cost: string | null;
  cost_currency: string | null;
  billable_units: number | null;
}

export async function ledgerRow(db: DataSource, id: string): Promise<LedgerRowView> {
  const [row] = (await db.query(
    `SELECT status, sent_at, delivered_at, seen_at, failed_at, error_code, cost::text AS cost, cost_currency,
            billable_units FROM messages WHERE id = $1`,
    [id],
  )) as LedgerRowView[];
  return row!;
}

/** A Zalo event body and its signature, made the way the sandbox (and Zalo) signs them. */
export function signedZaloEvent(event: Record<string, unknown> & { timestamp: string }): {
  body: string;
  signature: string;
} {
  const body = JSON.stringify(event);
  return {
    body,
    signature: zaloEventSignature({
      firstTerm: SANDBOX_APP_ID,
      rawBody: body,
      timestamp: event.timestamp,
      secret: SANDBOX_WEBHOOK_SECRET,
    }),
  };
}

export async function receiptsOf(db: DataSource, accountId: string) {
  return (await db.query(
    `SELECT id::text AS id, status, kind, detail, match_ids FROM webhook_receipts WHERE account_id = $1 ORDER BY id`,
    [accountId],
  )) as Array<{
    id: string;
    status: string;
    kind: string | null;
    detail: string | null;
    match_ids: string[];
  }>;
}
