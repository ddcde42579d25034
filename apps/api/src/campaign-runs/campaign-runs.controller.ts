import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { campaignIdParamsSchema } from '../campaigns/campaign.schemas';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignRunsService } from './campaign-runs.service';
import {
  cancelJourneyBodySchema,
  cancelJourneyResultSchema,
  contactJourneyParamsSchema,
  contactJourneySchema,
  enrollmentListSchema,
  listEnrollmentsQuerySchema,
} from './enrollment.schemas';

const TAGS = ['Campaign runs'];

/** Operating and inspecting a campaign's journeys. */
@Controller('campaigns')
export class CampaignRunsController {
  constructor(private readonly runs: CampaignRunsService) {}

  @Get(':id/enrollments')
  @Endpoint({
    summary: 'Enrollments of the campaign, newest first, filtered by status, version, step or exit reason',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    query: listEnrollmentsQuerySchema,
    response: enrollmentListSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof campaignIdParamsSchema>,
    @Query() query: z.infer<typeof listEnrollmentsQuerySchema>,
  ) {
    return this.runs.list(principal, params.id, query);
  }

  @Get(':id/contacts/:contactId/journey')
  @Endpoint({
    summary: 'Where is this contact: its enrollments, recorded paths, and the running journey’s live status',
    description:
      'The live part comes from the journey workflow’s status query (current step and wait). When Temporal ' +
      'does not answer within a few seconds or the workflow is gone, `live.available` is false and says why; ' +
      'the stored part is answered anyway.',
    tags: TAGS,
    access: Access.read,
    params: contactJourneyParamsSchema,
    response: contactJourneySchema,
  })
  async contactJourney(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactJourneyParamsSchema>,
  ) {
    return this.runs.contactJourney(principal, params.id, params.contactId);
  }

  @Post(':id/contacts/:contactId/journey/cancel')
  @HttpCode(202)
  @Endpoint({
    summary: 'Cancel the contact’s running journey: it exits with reason `stopped` (marketers and admins)',
    description:
      'The journey is signalled the `stopped` state for itself alone and leaves through its own exit path, so ' +
      'its step events and enrollment record the exit. Audited as `campaign.journey_cancelled`. 409 when the ' +
      'contact has no running journey in this campaign; 503 when Temporal is unreachable.',
    tags: TAGS,
    access: Access.write,
    params: contactJourneyParamsSchema,
    body: cancelJourneyBodySchema,
    status: 202,
    response: cancelJourneyResultSchema,
    responses: {
      409: { description: 'No running journey' },
      503: { description: 'Temporal is unreachable' },
    },
  })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactJourneyParamsSchema>,
    @Body() body: z.infer<typeof cancelJourneyBodySchema>,
  ) {
    return this.runs.cancel(principal, params.id, params.contactId, body.comment);
  }
}
