import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../../auth/access';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { Endpoint } from '../../http/endpoint.decorator';
import {
  attributeDefinitionListSchema,
  attributeDefinitionSchema,
  attributeKeyParamsSchema,
  createAttributeDefinitionBodySchema,
  updateAttributeDefinitionBodySchema,
} from '../contact.schemas';
import { AttributeDefinitionsService } from './attribute-definitions.service';

const TAGS = ['Contacts'];

/** The workspace's typed contact attributes. Registered before ContactsController so `attributes` is no id. */
@Controller('contacts/attributes')
export class AttributeDefinitionsController {
  constructor(private readonly definitions: AttributeDefinitionsService) {}

  @Get()
  @Endpoint({
    summary: 'Attribute definitions of the workspace',
    tags: TAGS,
    access: Access.read,
    response: attributeDefinitionListSchema,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.definitions.list(principal.workspaceId) };
  }

  @Post()
  @Endpoint({
    summary:
      'Define a typed attribute; values contacts already hold are converted (409 with a count if they cannot be)',
    tags: TAGS,
    access: Access.write,
    body: createAttributeDefinitionBodySchema,
    status: 201,
    response: attributeDefinitionSchema,
    responses: { 409: { description: 'Already defined, or `invalidCount` values cannot be converted' } },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createAttributeDefinitionBodySchema>,
  ) {
    return this.definitions.create(principal.workspaceId, body);
  }

  @Patch(':key')
  @Endpoint({
    summary: 'Relabel or retype an attribute; a retype converts existing values or answers 409 with a count',
    tags: TAGS,
    access: Access.write,
    params: attributeKeyParamsSchema,
    body: updateAttributeDefinitionBodySchema,
    response: attributeDefinitionSchema,
    responses: { 409: { description: '`invalidCount` values cannot be converted' } },
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof attributeKeyParamsSchema>,
    @Body() body: z.infer<typeof updateAttributeDefinitionBodySchema>,
  ) {
    return this.definitions.update(principal.workspaceId, params.key, body);
  }

  @Delete(':key')
  @HttpCode(204)
  @Endpoint({
    summary: 'Forget an attribute definition; contacts keep their values as untyped attributes',
    tags: TAGS,
    access: Access.write,
    params: attributeKeyParamsSchema,
    status: 204,
    responses: { 404: { description: 'No such attribute definition' } },
  })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof attributeKeyParamsSchema>,
  ) {
    await this.definitions.remove(principal.workspaceId, params.key);
  }
}
