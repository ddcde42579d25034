import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import type { RequestWithRawLength } from '../http/body-parsing';
import { Endpoint } from '../http/endpoint.decorator';
import {
  ContactEventHistory,
  contactEventsPageSchema,
  contactEventsParamsSchema,
  contactEventsQuerySchema,
  type ContactEventsPage,
  type ContactEventsQuery,
} from './contact-event-history';
import { requestBodyBytes } from './event-limits';
import { EventIngestionService } from './event-ingestion.service';
import {
  batchAnswerSchema,
  batchRequestSchema,
  identifyEventSchema,
  ingestAnswerSchema,
  trackEventSchema,
  type BatchAnswer,
  type BatchRequest,
  type IdentifyEvent,
  type TrackEvent,
} from './segment-event.schemas';

const SEGMENT = ['Events (Segment-compatible)'];
const TOO_LARGE = { 413: { description: 'The event is over 32 KB (or the batch over 500 KB) of JSON' } };

@Controller()
export class EventsController {
  constructor(
    private readonly ingestion: EventIngestionService,
    private readonly history: ContactEventHistory,
  ) {}

  @Post('v1/track')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record an event a contact did (Segment track)',
    description:
      'Answers once the event is stored. `messageId` makes retries safe: the same messageId is stored once.',
    tags: SEGMENT,
    access: Access.ingest,
    body: trackEventSchema,
    response: ingestAnswerSchema,
    responses: TOO_LARGE,
    fastPath: true,
  })
  async track(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TrackEvent,
    @Req() req: RequestWithRawLength,
  ): Promise<z.infer<typeof ingestAnswerSchema>> {
    await this.ingestion.ingestOne({
      workspaceId: principal.workspaceId,
      event: { ...body, type: 'track' },
      bytes: requestBodyBytes(req, body),
    });
    return { success: true };
  }

  @Post('v1/identify')
  @HttpCode(200)
  @Endpoint({
    summary: 'Say who a user is and what they are like (Segment identify)',
    description:
      'Traits `email`, `phone` and `name` (or `firstName` + `lastName`) set the contact fields; other traits ' +
      'become contact attributes. Answers once the call is stored.',
    tags: SEGMENT,
    access: Access.ingest,
    body: identifyEventSchema,
    response: ingestAnswerSchema,
    responses: TOO_LARGE,
    fastPath: true,
  })
  async identify(
    @CurrentPrincipal() principal: Principal,
    @Body() body: IdentifyEvent,
    @Req() req: RequestWithRawLength,
  ): Promise<z.infer<typeof ingestAnswerSchema>> {
    await this.ingestion.ingestOne({
      workspaceId: principal.workspaceId,
      event: { ...body, type: 'identify' },
      bytes: requestBodyBytes(req, body),
    });
    return { success: true };
  }

  @Post('v1/batch')
  @HttpCode(200)
  @Endpoint({
    summary: 'Record many track and identify calls at once (Segment batch)',
    description:
      'Each event is checked on its own: the answer lists the messageIds stored and, for each event refused, ' +
      'its index and why. 422 when no event could be accepted.',
    tags: SEGMENT,
    access: Access.ingest,
    body: batchRequestSchema,
    response: batchAnswerSchema,
    responses: TOO_LARGE,
    fastPath: true,
  })
  async batch(
    @CurrentPrincipal() principal: Principal,
    @Body() body: BatchRequest,
    @Req() req: RequestWithRawLength,
  ): Promise<BatchAnswer> {
    return this.ingestion.ingestBatch({
      workspaceId: principal.workspaceId,
      request: body,
      bytes: requestBodyBytes(req, body),
    });
  }

  @Get('contacts/:id/events')
  @Endpoint({
    summary: "A contact's events, newest first",
    tags: ['Contacts'],
    access: Access.read,
    params: contactEventsParamsSchema,
    query: contactEventsQuerySchema,
    response: contactEventsPageSchema,
  })
  async contactEvents(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactEventsParamsSchema>,
    @Query() query: ContactEventsQuery,
  ): Promise<ContactEventsPage> {
    return this.history.page({ workspaceId: principal.workspaceId, contactId: params.id, query });
  }
}
