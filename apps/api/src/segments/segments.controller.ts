import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import {
  createSegmentBodySchema,
  explainParamsSchema,
  explanationSchema,
  memberPageSchema,
  membersQuerySchema,
  previewBodySchema,
  previewSchema,
  segmentIdParamsSchema,
  segmentListSchema,
  segmentSchema,
  updateSegmentBodySchema,
} from './segments.schemas';
import { SegmentsService } from './segments.service';

const TAGS = ['Segments'];

@Controller('segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @Endpoint({
    summary: 'Create a segment; its members are computed in the background',
    tags: TAGS,
    access: Access.write,
    body: createSegmentBodySchema,
    status: 201,
    response: segmentSchema,
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createSegmentBodySchema>,
  ) {
    return this.segments.create({ principal, ...body });
  }

  @Get()
  @Endpoint({
    summary: 'Segments of the workspace with their member counts',
    tags: TAGS,
    access: Access.read,
    response: segmentListSchema,
  })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.segments.list(principal.workspaceId) };
  }

  @Post('preview')
  @HttpCode(200)
  @Endpoint({
    summary: 'Count and sample the contacts a rule selects, without saving it',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    body: previewBodySchema,
    response: previewSchema,
  })
  async preview(@CurrentPrincipal() principal: Principal, @Body() body: z.infer<typeof previewBodySchema>) {
    return this.segments.preview({ workspaceId: principal.workspaceId, ...body });
  }

  @Get(':id')
  @Endpoint({
    summary: 'One segment',
    tags: TAGS,
    access: Access.read,
    params: segmentIdParamsSchema,
    response: segmentSchema,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof segmentIdParamsSchema>,
  ) {
    return this.segments.get(principal.workspaceId, params.id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Rename a segment or change its rule (members are then recomputed)',
    tags: TAGS,
    access: Access.write,
    params: segmentIdParamsSchema,
    body: updateSegmentBodySchema,
    response: segmentSchema,
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof segmentIdParamsSchema>,
    @Body() body: z.infer<typeof updateSegmentBodySchema>,
  ) {
    return this.segments.update({ principal, id: params.id, ...body });
  }

  @Delete(':id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Delete a segment (409 while another segment refers to it)',
    tags: TAGS,
    access: Access.write,
    params: segmentIdParamsSchema,
    status: 204,
    responses: { 409: { description: 'Other segments refer to this one' } },
  })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof segmentIdParamsSchema>,
  ) {
    await this.segments.delete(principal.workspaceId, params.id);
  }

  @Get(':id/members')
  @Endpoint({
    summary: 'Members of a segment, by contact id, a page at a time',
    tags: TAGS,
    access: Access.read,
    params: segmentIdParamsSchema,
    query: membersQuerySchema,
    response: memberPageSchema,
  })
  async members(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof segmentIdParamsSchema>,
    @Query() query: z.infer<typeof membersQuerySchema>,
  ) {
    return this.segments.members({ workspaceId: principal.workspaceId, id: params.id, ...query });
  }

  @Get(':id/explain/:contactId')
  @Endpoint({
    summary: 'Why a contact is or is not a member: each rule, whether it held and the value it saw',
    tags: TAGS,
    access: Access.read,
    params: explainParamsSchema,
    response: explanationSchema,
  })
  async explain(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof explainParamsSchema>,
  ) {
    return this.segments.explain({
      workspaceId: principal.workspaceId,
      id: params.id,
      contactId: params.contactId,
    });
  }
}
