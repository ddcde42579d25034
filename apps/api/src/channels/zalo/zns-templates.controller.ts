import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../../auth/access';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { Endpoint } from '../../http/endpoint.decorator';
import { znsTemplateSchema } from './zns-template-row';
import { ZnsTemplatesService } from './zns-templates.service';

const TAGS = ['Templates'];
const accountQuerySchema = z.object({ accountId: z.uuid().describe('The Zalo OA channel account') });
const templateParamsSchema = z.object({ templateId: z.string().min(1).max(40) });

/** The ZNS templates synced from each OA, read-only (they are made and approved at Zalo). */
@Controller('templates/zns')
export class ZnsTemplatesController {
  constructor(private readonly templates: ZnsTemplatesService) {}

  @Get()
  @Endpoint({
    summary: "An OA's ZNS templates as last synced (params with type and max length, price, status, quality)",
    tags: TAGS,
    access: Access.read,
    query: accountQuerySchema,
    response: z.object({ items: z.array(znsTemplateSchema) }),
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: z.infer<typeof accountQuerySchema>) {
    return { items: await this.templates.list(principal.workspaceId, query.accountId) };
  }

  @Get(':templateId')
  @Endpoint({
    summary: 'One ZNS template of an OA',
    tags: TAGS,
    access: Access.read,
    params: templateParamsSchema,
    query: accountQuerySchema,
    response: znsTemplateSchema,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof templateParamsSchema>,
    @Query() query: z.infer<typeof accountQuerySchema>,
  ) {
    return this.templates.get(principal.workspaceId, query.accountId, params.templateId);
  }
}
