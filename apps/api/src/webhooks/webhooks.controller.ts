import { Controller, Get, Headers, HttpCode, Logger, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Access } from '../auth/access';
import { Endpoint } from '../http/endpoint.decorator';
import { problems } from '../http/problem';
import { ReceiptStore } from './receipt-store';
import { WebhookAccounts } from './webhook-accounts';
import { verifyTwilioCall, verifyZaloCall, type Verification } from './webhook-verification';
import { WebhookUrls, type WebhookProvider } from './webhook-urls';
import {
  esmsCallbackQuerySchema,
  webhookAccountParamsSchema,
  webhookAckSchema,
  type WebhookAccountParams,
} from './webhooks.schemas';

const TAGS = ['Webhooks'];
const REFUSED = {
  401: { description: 'Unsigned, badly signed, or for no such account: nothing was stored' },
};

/**
 * Provider calls. Public routes, authenticated by the provider's signature over the raw bytes (Zalo, Twilio) or
 * by the callback URL's per-account token (eSMS, which signs nothing). A genuine call is stored before it is
 * answered and processed off the request (receipt-processing.service.ts); anything else is a 401 and stores
 * nothing.
 */
@Controller('webhooks')
export class WebhooksController {
  private readonly logger = new Logger(WebhooksController.name);

  constructor(
    private readonly accounts: WebhookAccounts,
    private readonly receipts: ReceiptStore,
    private readonly urls: WebhookUrls,
  ) {}

  @Post('zalo/:accountId')
  @HttpCode(200)
  @Endpoint({
    summary: 'Zalo OA and ZNS events for one Zalo OA account (set this URL in the Zalo developer console)',
    description:
      'Verified with X-ZEvent-Signature: hex SHA-256 of app id (or OA id) + raw body + body timestamp + the ' +
      "account's webhook secret. Delivery and seen receipts update the ledger; follow, unfollow, user messages " +
      'and user_submit_info update the contact and become zalo.* events; change_template_status re-syncs the template.',
    tags: TAGS,
    access: Access.public,
    params: webhookAccountParamsSchema,
    rawBody: { contentType: 'application/json', description: 'The Zalo event, exactly as signed' },
    response: webhookAckSchema,
    responses: REFUSED,
  })
  async zalo(
    @Param() params: WebhookAccountParams,
    @Req() request: Request,
    @Headers('x-zevent-signature') signature: string | undefined,
  ) {
    const rawBody = rawBodyOf(request);
    const account = await this.accounts.find(params.accountId, 'zalo');
    await this.accept(
      'zalo',
      params.accountId,
      account && verifyZaloCall({ config: account.config, rawBody, signature }),
      account && { workspaceId: account.workspaceId, payload: rawBody.toString('utf8') },
    );
    return { received: true as const };
  }

  @Get('esms/:accountId')
  @Endpoint({
    summary: 'eSMS delivery reports for one eSMS account (eSMS calls it with HTTP GET)',
    description:
      'eSMS signs nothing: the callback URL carries a per-account `token` (shown in the account webhookUrl), ' +
      'without which the call is refused. SendStatus 5 marks the message delivered, 4 failed.',
    tags: TAGS,
    access: Access.public,
    params: webhookAccountParamsSchema,
    query: esmsCallbackQuerySchema,
    response: webhookAckSchema,
    responses: REFUSED,
  })
  async esms(
    @Param() params: WebhookAccountParams,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
  ) {
    const account = await this.accounts.find(params.accountId, 'esms');
    const verification: Verification | null =
      account &&
      (this.urls.verifyEsmsToken(params.accountId, query.token)
        ? { ok: true }
        : { ok: false, reason: 'the callback token is missing or wrong' });
    await this.accept(
      'esms',
      params.accountId,
      verification,
      account && { workspaceId: account.workspaceId, payload: callbackQuery(request.originalUrl) },
    );
    return { received: true as const };
  }

  @Post('twilio/:accountId')
  @HttpCode(200)
  @Endpoint({
    summary: 'Twilio message status callbacks for one Twilio account',
    description:
      'Verified with X-Twilio-Signature: Base64 HMAC-SHA1 under the auth token of the exact URL Twilio called ' +
      '(LOA_PUBLIC_API_URL + path) followed by the sorted form parameters.',
    tags: TAGS,
    access: Access.public,
    params: webhookAccountParamsSchema,
    rawBody: { contentType: 'application/x-www-form-urlencoded', description: 'The status callback form' },
    response: webhookAckSchema,
    responses: REFUSED,
  })
  async twilio(
    @Param() params: WebhookAccountParams,
    @Req() request: Request,
    @Headers('x-twilio-signature') signature: string | undefined,
  ) {
    const rawBody = rawBodyOf(request);
    const account = await this.accounts.find(params.accountId, 'twilio');
    const url = this.urls.calledUrl(request.originalUrl);
    await this.accept(
      'twilio',
      params.accountId,
      account && verifyTwilioCall({ config: account.config, url, rawBody, signature }),
      account && { workspaceId: account.workspaceId, payload: rawBody.toString('utf8') },
    );
    return { received: true as const };
  }

  private async accept(
    provider: WebhookProvider,
    accountId: string,
    verification: Verification | null,
    receipt: { workspaceId: string; payload: string } | null,
  ): Promise<void> {
    if (!verification || !receipt || !verification.ok) {
      this.logger.warn('Refused a webhook call', {
        provider,
        accountId,
        reason: verification && !verification.ok ? verification.reason : 'no such account for this provider',
      });
      throw problems.unauthorized('The call is not signed by the provider of this account');
    }
    await this.receipts.keep({ ...receipt, accountId, provider });
  }
}

function rawBodyOf(request: Request): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/** The query string eSMS sent, without the token that authenticated it. */
function callbackQuery(originalUrl: string): string {
  const query = new URLSearchParams(originalUrl.split('?')[1] ?? '');
  query.delete('token');
  return query.toString();
}
