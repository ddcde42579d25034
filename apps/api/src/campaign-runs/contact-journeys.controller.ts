import { Controller, Get, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignRunsService } from './campaign-runs.service';
import {
  contactJourneyListSchema,
  contactJourneysParamsSchema,
  listContactJourneysQuerySchema,
} from './enrollment.schemas';

/** A contact's journeys across campaigns (the contact profile's timeline). */
@Controller('contacts')
export class ContactJourneysController {
  constructor(private readonly runs: CampaignRunsService) {}

  @Get(':id/journeys')
  @Endpoint({
    summary: "A contact's journeys in every campaign, newest first, with each campaign's name",
    description:
      'One item per enrollment, with its recorded path (step events, oldest first); `GET /campaigns/{id}/contacts/{contactId}/journey` adds ' +
      'the live status of one campaign’s journeys.',
    tags: ['Contacts'],
    access: Access.read,
    params: contactJourneysParamsSchema,
    query: listContactJourneysQuerySchema,
    response: contactJourneyListSchema,
    responses: { 404: { description: 'No such contact in the workspace' } },
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactJourneysParamsSchema>,
    @Query() query: z.infer<typeof listContactJourneysQuerySchema>,
  ) {
    return this.runs.contactJourneys(principal, params.id, query);
  }
}
