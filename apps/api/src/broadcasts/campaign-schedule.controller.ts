import { Controller, Get, Param } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignScheduleView } from './campaign-schedule-view';
import { campaignScheduleSchema } from './campaign-schedule.schemas';

@Controller('campaigns')
export class CampaignScheduleController {
  constructor(private readonly view: CampaignScheduleView) {}

  @Get(':id/schedule')
  @Endpoint({
    summary: 'When a scheduled campaign runs next, and the runs its schedule started',
    description:
      'Read from the campaign’s Temporal Schedule, which exists while the campaign is active or paused and its ' +
      'current version has a `trigger.schedule` or `trigger.date`; otherwise `scheduled` is false. 503 when ' +
      'Temporal is unreachable.',
    tags: ['Campaign runs'],
    access: Access.read,
    params: campaignIdParamsSchema,
    response: campaignScheduleSchema,
    responses: { 503: { description: 'Temporal is unreachable' } },
  })
  async schedule(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof campaignIdParamsSchema>,
  ) {
    return this.view.of(principal.workspaceId, params.id);
  }
}
