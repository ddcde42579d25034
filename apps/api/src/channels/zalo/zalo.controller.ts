import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { Access } from '../../auth/access';
import { CurrentPrincipal, type UserPrincipal } from '../../auth/principal';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { Endpoint } from '../../http/endpoint.decorator';
import { channelAccountIdParamsSchema } from '../channel-accounts.schemas';
import { ZALO_CONNECT_ERRORS, zaloConnectErrorOf } from './zalo-connect-error';
import { ZaloConnectService, type ZaloConnected } from './zalo-connect.service';
import { ProblemException } from '../../http/problem';
import { ZnsTemplatesService } from './zns-templates.service';
import { Inject } from '@nestjs/common';

const TAGS = ['Channel accounts'];
type IdParams = z.infer<typeof channelAccountIdParamsSchema>;

const connectStartSchema = z.object({
  url: z.string().describe("Zalo's consent page: send the admin's browser there"),
  expiresAt: z.string().describe('The consent must come back before this time'),
});
const callbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  oa_id: z.string().max(40).optional(),
});
const syncResultSchema = z.object({
  ok: z.boolean(),
  templates: z.number().optional(),
  detail: z.string().optional(),
});

@Controller('channel-accounts')
export class ZaloController {
  constructor(
    private readonly connect: ZaloConnectService,
    private readonly templates: ZnsTemplatesService,
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
  ) {}

  @Post(':id/zalo/connect')
  @HttpCode(200)
  @Endpoint({
    summary:
      'Start connecting a Zalo OA: answers the Zalo consent URL (OAuth v4, PKCE) to send the browser to',
    description:
      'The consent is bound to this session and expires after 10 minutes; Zalo sends the browser back to ' +
      '`GET /channel-accounts/zalo/callback`.',
    tags: TAGS,
    access: Access.admin,
    params: channelAccountIdParamsSchema,
    response: connectStartSchema,
  })
  async start(@CurrentPrincipal() principal: UserPrincipal, @Param() params: IdParams) {
    return this.connect.start(principal, params.id);
  }

  @Get('zalo/callback')
  @Endpoint({
    summary: "Zalo's OAuth redirect: finishes connecting the OA, then returns the admin to the builder",
    description:
      "Called by Zalo in the admin's browser (with the session cookie) with `code`, `state` and `oa_id`. " +
      'The state must be the one this session started, unused and unexpired. With LOA_BUILDER_URL set, ' +
      'success is a 302 to `/settings/channels/{id}?connected=zalo` in the builder and a failure a 302 to ' +
      '`/settings/channels/{id}?zaloError=<code>` (or `/settings/channels?zaloError=<code>` when the request is ' +
      `unknown), the account unchanged, the code one of ${ZALO_CONNECT_ERRORS.map((code) => `\`${code}\``).join(', ')}; ` +
      'without it, a small HTML page or a problem (its `zaloError` the same code).',
    tags: TAGS,
    access: Access.admin,
    query: callbackQuerySchema,
    responses: {
      302: { description: 'Back to the builder: connected, or why not' },
      400: {
        description: 'The request is unknown, used, expired or for another OA (without LOA_BUILDER_URL)',
      },
      502: { description: 'Zalo refused (without LOA_BUILDER_URL)' },
    },
  })
  async callback(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: z.infer<typeof callbackQuerySchema>,
    @Res() res: Response,
  ) {
    const builder = this.config.zalo.builderUrl;
    let connected: ZaloConnected;
    try {
      connected = await this.connect.finish(principal, query);
    } catch (error) {
      if (!builder || !(error instanceof ProblemException)) throw error;
      const accountId = typeof error.extra['accountId'] === 'string' ? error.extra['accountId'] : undefined;
      res.redirect(302, builderChannelsUrl(builder, accountId, { zaloError: zaloConnectErrorOf(error) }));
      return;
    }
    if (builder) {
      res.redirect(302, builderChannelsUrl(builder, connected.accountId, { connected: 'zalo' }));
      return;
    }
    res
      .status(200)
      .type('html')
      .send(
        `<!doctype html><meta charset="utf-8"><title>Zalo OA connected</title>` +
          `<p>Zalo OA <strong>${escapeHtml(connected.providerName)}</strong> is connected. You can close this tab.</p>`,
      );
  }

  @Post(':id/zns-templates/sync')
  @HttpCode(200)
  @Endpoint({
    summary: "Sync the OA's ZNS templates from Zalo now",
    tags: TAGS,
    access: Access.admin,
    params: channelAccountIdParamsSchema,
    response: syncResultSchema,
  })
  async sync(@CurrentPrincipal() principal: UserPrincipal, @Param() params: IdParams) {
    return this.templates.syncAll(principal.workspaceId, params.id);
  }
}

/** The builder's Channels screen (the account's when known), with what became of the connection. */
export function builderChannelsUrl(
  builder: string,
  accountId: string | undefined,
  outcome: Record<string, string>,
): string {
  const target = new URL(`${builder}/settings/channels${accountId ? `/${accountId}` : ''}`);
  for (const [key, value] of Object.entries(outcome)) target.searchParams.set(key, value);
  return target.toString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
