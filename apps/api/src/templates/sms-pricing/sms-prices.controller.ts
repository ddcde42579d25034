import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../../auth/access';
import { CurrentPrincipal, type Principal, type UserPrincipal } from '../../auth/principal';
import { Endpoint } from '../../http/endpoint.decorator';
import { problems } from '../../http/problem';
import { putSmsPricingBodySchema, smsPriceSchema, smsPricingParamsSchema } from './sms-pricing.schemas';
import { SmsPricesService } from './sms-prices.service';

const TAGS = ['Channel accounts'];
type Params = z.infer<typeof smsPricingParamsSchema>;

@Controller('channel-accounts/:id/sms-pricing')
export class SmsPricesController {
  constructor(private readonly prices: SmsPricesService) {}

  @Get()
  @Endpoint({
    summary: "An SMS account's price per segment (set by an admin, or the kind's indicative default)",
    tags: TAGS,
    access: Access.read,
    params: smsPricingParamsSchema,
    response: smsPriceSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    const price = await this.prices.priceFor(principal.workspaceId, params.id);
    if (!price) throw problems.field('path', 'id', 'is not an SMS account (eSMS, SpeedSMS or Twilio)');
    return price;
  }

  @Put()
  @Endpoint({
    summary: "Set an SMS account's price per segment, used for cost estimates and the cost on the ledger",
    tags: TAGS,
    access: Access.admin,
    params: smsPricingParamsSchema,
    body: putSmsPricingBodySchema,
    response: smsPriceSchema,
  })
  async put(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() params: Params,
    @Body() body: z.infer<typeof putSmsPricingBodySchema>,
  ) {
    return this.prices.set(principal, params.id, body);
  }
}
