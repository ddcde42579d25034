import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import {
  contactIdParamsSchema,
  contactPageSchema,
  contactSegmentListSchema,
  contactViewSchema,
  createContactBodySchema,
  listContactsQuerySchema,
  patchContactBodySchema,
  upsertContactBodySchema,
  upsertContactResponseSchema,
} from './contact.schemas';
import { ContactsService } from './contacts.service';

const TAGS = ['Contacts'];

@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Endpoint({
    summary: 'List contacts with filters, search, sort and cursor pagination',
    tags: TAGS,
    access: Access.read,
    query: listContactsQuerySchema,
    response: contactPageSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.infer<typeof listContactsQuerySchema>,
  ) {
    return this.contacts.list({ workspaceId: principal.workspaceId, ...query });
  }

  @Post()
  @Endpoint({
    summary: 'Create a contact; 409 naming the identifier that another contact already holds',
    tags: TAGS,
    access: Access.write,
    body: createContactBodySchema,
    status: 201,
    response: contactViewSchema,
    responses: { 409: { description: 'An identifier (named in `errors`) belongs to another contact' } },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createContactBodySchema>,
  ) {
    const result = await this.contacts.upsert({
      workspaceId: principal.workspaceId,
      match: {},
      write: body,
      mode: 'create',
      cause: 'contact',
    });
    return result.contact;
  }

  @Put()
  @Endpoint({
    summary: 'Upsert a contact by any identity in `match`, merging contacts the identities show to be one',
    tags: TAGS,
    access: Access.write,
    body: upsertContactBodySchema,
    response: upsertContactResponseSchema,
    responses: { 409: { description: 'The write takes an identifier another contact holds' } },
  })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof upsertContactBodySchema>,
  ) {
    const { match, ...write } = body;
    return this.contacts.upsert({
      workspaceId: principal.workspaceId,
      match,
      write,
      mode: 'both',
      cause: 'contact',
    });
  }

  @Get(':id')
  @Endpoint({
    summary: 'A contact; a merged contact answers 404 with `mergedInto`',
    tags: TAGS,
    access: Access.read,
    params: contactIdParamsSchema,
    response: contactViewSchema,
    responses: { 404: { description: 'No such live contact; a merged one names `mergedInto`' } },
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactIdParamsSchema>,
  ) {
    return this.contacts.get(principal.workspaceId, params.id);
  }

  @Get(':id/segments')
  @Endpoint({
    summary: 'Segments the contact is a member of now (what a segment condition or the simulator reads)',
    tags: TAGS,
    access: Access.read,
    params: contactIdParamsSchema,
    response: contactSegmentListSchema,
    responses: { 404: { description: 'No such live contact; a merged one names `mergedInto`' } },
  })
  async segments(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactIdParamsSchema>,
  ) {
    return { items: await this.contacts.segments(principal.workspaceId, params.id) };
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change a contact (attributes merge key by key; null clears)',
    tags: TAGS,
    access: Access.write,
    params: contactIdParamsSchema,
    body: patchContactBodySchema,
    response: contactViewSchema,
    responses: {
      404: { description: 'No such live contact' },
      409: { description: 'The write takes an identifier another contact holds' },
    },
  })
  async patch(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactIdParamsSchema>,
    @Body() body: z.infer<typeof patchContactBodySchema>,
  ) {
    const result = await this.contacts.patch({
      workspaceId: principal.workspaceId,
      contactId: params.id,
      write: body,
    });
    return result.contact;
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Erase a contact’s personal data, keeping anonymous counts',
    tags: TAGS,
    access: Access.write,
    params: contactIdParamsSchema,
    status: 204,
    responses: { 404: { description: 'No such live contact' } },
  })
  async erase(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof contactIdParamsSchema>,
  ) {
    await this.contacts.erase({ workspaceId: principal.workspaceId, contactId: params.id, actor: principal });
  }
}
