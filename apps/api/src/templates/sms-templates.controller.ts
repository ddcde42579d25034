import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { SmsTemplatesService } from './sms-templates.service';
import { TemplatePreviewsService } from './template-previews.service';
import { assertValidLiquid } from './template-store';
import {
  createSmsTemplateBodySchema,
  smsPreviewSchema,
  smsTemplateListSchema,
  smsTemplateSchema,
  previewSmsDraftBodySchema,
  previewSmsTemplateBodySchema,
  templateIdParamsSchema,
  updateSmsTemplateBodySchema,
} from './template.schemas';

const TAGS = ['Templates'];
type IdParams = z.infer<typeof templateIdParamsSchema>;
const LIQUID_422 = {
  422: {
    description: 'A field is missing or invalid, or a Liquid text does not parse (field, line and column)',
  },
};
const PREVIEW_404 = {
  404: { description: 'The template, the contact or the account is not in the workspace' },
  422: { description: 'accountId is not an SMS account' },
};

@Controller('templates/sms')
export class SmsTemplatesController {
  constructor(
    private readonly templates: SmsTemplatesService,
    private readonly previews: TemplatePreviewsService,
  ) {}

  @Get()
  @Endpoint({
    summary: 'SMS texts of the workspace',
    tags: TAGS,
    access: Access.read,
    response: smsTemplateListSchema,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.templates.list(principal.workspaceId) };
  }

  @Post()
  @Endpoint({
    summary: 'Create an SMS text (Liquid); advertising texts get the Decree 91 [QC] label when sent',
    tags: TAGS,
    access: Access.write,
    body: createSmsTemplateBodySchema,
    status: 201,
    response: smsTemplateSchema,
    responses: { ...LIQUID_422, 409: { description: 'Another SMS template has this name' } },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createSmsTemplateBodySchema>,
  ) {
    return this.templates.create(principal, body);
  }

  @Post('preview')
  @HttpCode(200)
  @Endpoint({
    summary: 'Preview an unsaved SMS text for a contact and sample event: text, segments, encoding and cost',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    body: previewSmsDraftBodySchema,
    response: smsPreviewSchema,
    responses: { ...LIQUID_422, 404: { description: 'The contact or the account is not in the workspace' } },
  })
  async previewDraft(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof previewSmsDraftBodySchema>,
  ) {
    const { contactId, event, accountId, ...content } = body;
    assertValidLiquid({ text: content.text });
    return this.previews.sms(principal.workspaceId, content, { contactId, event, accountId });
  }

  @Get(':id')
  @Endpoint({
    summary: 'One SMS text',
    tags: TAGS,
    access: Access.read,
    params: templateIdParamsSchema,
    response: smsTemplateSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: IdParams) {
    return this.templates.get(principal.workspaceId, params.id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change an SMS text; a change of content raises its version',
    tags: TAGS,
    access: Access.write,
    params: templateIdParamsSchema,
    body: updateSmsTemplateBodySchema,
    response: smsTemplateSchema,
    responses: { ...LIQUID_422, 409: { description: 'Another SMS template has this name' } },
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParams,
    @Body() body: z.infer<typeof updateSmsTemplateBodySchema>,
  ) {
    return this.templates.update(principal, params.id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Delete an SMS text',
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
    summary:
      'Render an SMS text for a contact and sample event as a gateway receives it, with segments, encoding and cost',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    params: templateIdParamsSchema,
    body: previewSmsTemplateBodySchema,
    response: smsPreviewSchema,
    responses: PREVIEW_404,
  })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParams,
    @Body() body: z.infer<typeof previewSmsTemplateBodySchema>,
  ) {
    const template = await this.templates.get(principal.workspaceId, params.id);
    return this.previews.sms(principal.workspaceId, template, body);
  }
}
