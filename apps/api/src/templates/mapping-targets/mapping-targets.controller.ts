import { Controller, Get, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../../auth/access';
import { CurrentPrincipal, type Principal } from '../../auth/principal';
import { Endpoint } from '../../http/endpoint.decorator';
import { mappingTargetsQuerySchema, mappingTargetsSchema } from './mapping-targets.schemas';
import { MappingTargetsService } from './mapping-targets.service';

@Controller('templates/mapping-targets')
export class MappingTargetsController {
  constructor(private readonly targets: MappingTargetsService) {}

  @Get()
  @Endpoint({
    summary:
      "What a template's params can be mapped to: contact fields, attributes and recent event properties",
    description:
      'Each target gives its Liquid path and placeholder. Event properties come from the newest 10,000 processed ' +
      'track events of the workspace received within `days` (up to 500 per event name, 100 names, 100 keys each).',
    tags: ['Templates'],
    access: Access.read,
    query: mappingTargetsQuerySchema,
    response: mappingTargetsSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.infer<typeof mappingTargetsQuerySchema>,
  ) {
    return this.targets.list(principal.workspaceId, query);
  }
}
