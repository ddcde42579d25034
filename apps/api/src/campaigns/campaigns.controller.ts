import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Endpoint } from '../http/endpoint.decorator';
import { CampaignDraftsService } from './campaign-drafts.service';
import {
  auditListSchema,
  campaignIdParamsSchema,
  campaignListSchema,
  campaignSchema,
  createCampaignBodySchema,
  diagnosticSchema,
  diagnosticsSchema,
  draftSchema,
  duplicateBodySchema,
  importQuerySchema,
  listCampaignsQuerySchema,
  saveDraftBodySchema,
  updateCampaignBodySchema,
  validateBodySchema,
  versionListSchema,
  versionParamsSchema,
  versionSchema,
} from './campaign.schemas';
import { CampaignsService } from './campaigns.service';

const TAGS = ['Campaigns'];
type Params = z.infer<typeof campaignIdParamsSchema>;

const campaignWithDiagnosticsSchema = campaignSchema.extend({ diagnostics: z.array(diagnosticSchema) });
const importBodySchema = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A campaign file: the graph as `loa validate` reads it' });

/** Campaigns as records, their drafts, versions, files and audit trail. Lifecycle actions: campaign-lifecycle.controller.ts. */
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly drafts: CampaignDraftsService,
  ) {}

  @Post()
  @Endpoint({
    summary: 'Create a campaign (a draft); the answer carries the diagnostics of its graph',
    tags: TAGS,
    access: Access.write,
    body: createCampaignBodySchema,
    status: 201,
    response: campaignWithDiagnosticsSchema,
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: z.infer<typeof createCampaignBodySchema>,
  ) {
    return this.campaigns.create({ principal, ...body });
  }

  @Get()
  @Endpoint({
    summary: 'Campaigns of the workspace, newest first, filtered by state, tag or words',
    tags: TAGS,
    access: Access.read,
    query: listCampaignsQuerySchema,
    response: campaignListSchema,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.infer<typeof listCampaignsQuerySchema>,
  ) {
    return this.campaigns.list({ workspaceId: principal.workspaceId, ...query });
  }

  @Post('import')
  @Endpoint({
    summary:
      'Create a draft campaign from a campaign file (422 naming the field when the file is not a campaign)',
    tags: TAGS,
    access: Access.write,
    query: importQuerySchema,
    body: importBodySchema,
    status: 201,
    response: campaignWithDiagnosticsSchema,
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @Query() query: z.infer<typeof importQuerySchema>,
    @Body() body: Record<string, unknown>,
  ) {
    return this.campaigns.import({ principal, name: query.name, file: body });
  }

  @Get(':id')
  @Endpoint({
    summary: 'One campaign',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: campaignSchema,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.campaigns.get(principal.workspaceId, params.id);
  }

  @Patch(':id')
  @Endpoint({
    summary: "Change a campaign's name, description or tags",
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    body: updateCampaignBodySchema,
    response: campaignSchema,
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof updateCampaignBodySchema>,
  ) {
    return this.campaigns.update({ principal, id: params.id, ...body });
  }

  @Get(':id/draft')
  @Endpoint({
    summary: 'The draft graph, its revision and its diagnostics',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: draftSchema,
  })
  async draft(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.drafts.get(principal.workspaceId, params.id);
  }

  @Put(':id/draft')
  @Endpoint({
    summary: 'Save the draft graph from the revision the edit started from; answers the diagnostics',
    description:
      'The body names `revision`, the draft revision the edit started from. When someone saved since, the answer ' +
      'is 409 with `currentRevision`, `lastSavedBy` and `lastSavedAt`, and nothing is saved.',
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    body: saveDraftBodySchema,
    response: draftSchema,
    responses: {
      409: { description: 'A newer revision exists, or the campaign cannot be edited in its state' },
    },
  })
  async saveDraft(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof saveDraftBodySchema>,
  ) {
    return this.drafts.save({ principal, id: params.id, revision: body.revision, graph: body.graph });
  }

  @Post(':id/validate')
  @HttpCode(200)
  @Endpoint({
    summary: 'Diagnostics of the draft (or of a graph given in the body) in the context of the workspace',
    tags: TAGS,
    access: Access.read,
    readOnly: true,
    params: campaignIdParamsSchema,
    body: validateBodySchema,
    response: diagnosticsSchema,
  })
  async validate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof validateBodySchema>,
  ) {
    return this.drafts.validate({ workspaceId: principal.workspaceId, id: params.id, graph: body.graph });
  }

  @Post(':id/duplicate')
  @Endpoint({
    summary: "A new draft campaign with a copy of this one's draft",
    tags: TAGS,
    access: Access.write,
    params: campaignIdParamsSchema,
    body: duplicateBodySchema,
    status: 201,
    response: campaignWithDiagnosticsSchema,
  })
  async duplicate(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Body() body: z.infer<typeof duplicateBodySchema>,
  ) {
    return this.campaigns.duplicate({ principal, id: params.id, name: body.name });
  }

  @Get(':id/versions')
  @Endpoint({
    summary: 'Published versions, newest first',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: versionListSchema,
  })
  async versions(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.campaigns.versions(principal.workspaceId, params.id);
  }

  @Get(':id/versions/:version')
  @Endpoint({
    summary: 'One published version with its graph and plan',
    tags: TAGS,
    access: Access.read,
    params: versionParamsSchema,
    response: versionSchema,
  })
  async version(
    @CurrentPrincipal() principal: Principal,
    @Param() params: z.infer<typeof versionParamsSchema>,
  ) {
    return this.campaigns.version(principal.workspaceId, params.id, params.version);
  }

  @Get(':id/export')
  @Endpoint({
    summary: 'The draft as a campaign file (the format `loa validate` and POST /campaigns/import read)',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: z.record(z.string(), z.unknown()),
  })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param() params: Params,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { name, graph } = await this.campaigns.export(principal.workspaceId, params.id);
    res.setHeader('Content-Disposition', `attachment; filename="${fileNameOf(name)}.json"`);
    return graph;
  }

  @Get(':id/audit')
  @Endpoint({
    summary: 'Who created, saved, submitted, approved, rejected, published or moved the campaign, and when',
    tags: TAGS,
    access: Access.read,
    params: campaignIdParamsSchema,
    response: auditListSchema,
  })
  async audit(@CurrentPrincipal() principal: Principal, @Param() params: Params) {
    return this.campaigns.auditTrail(principal.workspaceId, params.id);
  }
}

/** An ASCII file name from a campaign name ("Giỏ hàng bỏ quên" → "gio-hang-bo-quen"). */
function fileNameOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'campaign';
}
