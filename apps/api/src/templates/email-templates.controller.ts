import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { EmailTemplatesService } from './email-templates.service';
import { TemplatePreviewsService } from './template-previews.service';
import { assertValidLiquid } from './template-store';
import {
  createEmailTemplateBodySchema,
  emailPreviewSchema,
  emailTemplateListSchema,
  emailTemplateSchema,
  previewEmailDraftBodySchema,
  previewEmailTemplateBodySchema,
  templateIdParamsSchema,
  updateEmailTemplateBodySchema,
} from './template.schemas';

const TAGS = ['Templates'];
type IdParams = z.infer<typeof templateIdParamsSchema>;
const LIQUID_422 = {
  422: {
    description: 'A field is missing or invalid, or a Liquid text does not parse (field, line and column)',
  },
};
const PREVIEW_404 = { 404: { description: 'The template or the contact is not in the workspace' } };

@Controller('templates/email')
export class EmailTemplatesController {
  constructor(
    private readonly templates: EmailTemplatesService,
    private readonly previews: TemplatePreviewsService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'E-mail templates of the workspace',
    tags: TAGS,
    access: Access.read,
    response: emailTemplateListSchema,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.templates.list(principal.workspaceId) };
  }

  @Post()
  @Endpoint({
    summary: 'Create an e-mail template (subject, optional preheader, HTML and text bodies, all Liquid)',
    tags: TAGS,
    access: Access.write,
    body: createEmailTemplateBodySchema,
    status: 201,
    response: emailTemplateSchema,
    responses: { ...LIQUID_422, 409: { description: 'Another e-mail template has this name' } },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createEmailTemplateBodySchema>,
  ) {
    return this.templates.create(principal, body);
  }

  @Post('preview')
  @HttpCode(200)
  @Endpoint({
    summary:
      'Preview an unsaved e-mail template (the builder as it is edited) for a contact and sample event',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    body: previewEmailDraftBodySchema,
    response: emailPreviewSchema,
    responses: { ...LIQUID_422, 404: { description: 'The contact is not in the workspace' } },
  })
  async previewDraft(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof previewEmailDraftBodySchema>,
  ) {
    const { contactId, event, ...content } = body;
    assertValidLiquid(content);
    return this.previews.email(principal.workspaceId, content, { contactId, event });
  }

  @Get(':id')
  @Endpoint({
    summary: 'One e-mail template',
    tags: TAGS,
    access: Access.read,
    params: templateIdParamsSchema,
    response: emailTemplateSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: IdParams) {
    return this.templates.get(principal.workspaceId, params.id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change an e-mail template; a change of content raises its version',
    tags: TAGS,
    access: Access.write,
    params: templateIdParamsSchema,
    body: updateEmailTemplateBodySchema,
    response: emailTemplateSchema,
    responses: { ...LIQUID_422, 409: { description: 'Another e-mail template has this name' } },
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParams,
    @Body() body: z.infer<typeof updateEmailTemplateBodySchema>,
  ) {
    return this.templates.update(principal, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Delete an e-mail template',
    tags: TAGS,
    access: Access.write,
    params: templateIdParamsSchema,
    status: 204,
  })
  async remove(@CurrentPrincipal() principal: Principal, @Param() params: IdParams) {
    await this.templates.remove(principal.workspaceId, params.id);
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Endpoint({
    summary: 'Render an e-mail template for a contact and sample event, as a send would',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    params: templateIdParamsSchema,
    body: previewEmailTemplateBodySchema,
    response: emailPreviewSchema,
    responses: PREVIEW_404,
  })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParams,
    @Body() body: z.infer<typeof previewEmailTemplateBodySchema>,
  ) {
    const template = await this.templates.get(principal.workspaceId, params.id);
    return this.previews.email(principal.workspaceId, template, body);
  }
}
